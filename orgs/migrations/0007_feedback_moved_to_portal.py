# Visitors' feedback belongs to the base app now (portal 0001); its table
# stays, and portal 0002 renames it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0006_organisation_search_index"),
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Feedback")],
        ),
    ]
