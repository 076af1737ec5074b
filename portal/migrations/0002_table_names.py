# The moved tables take the base app's names, once events and orgs have let
# go of the models (events 0011, orgs 0007).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("events", "0011_content_version_moved_to_portal"),
        ("orgs", "0007_feedback_moved_to_portal"),
    ]

    operations = [
        migrations.AlterModelTable(name="contentversion", table=None),
        migrations.AlterModelTable(name="feedback", table=None),
    ]
