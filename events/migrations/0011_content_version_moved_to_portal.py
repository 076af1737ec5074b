# The content version belongs to the base app now (portal 0001); its table
# stays, and portal 0002 renames it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_event_list_counts"),
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ContentVersion")],
        ),
    ]
