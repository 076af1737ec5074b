from django.db import migrations

from orgs.hs_codes import sync_hs_codes


def load_hs_codes(apps, schema_editor):
    sync_hs_codes(apps.get_model("orgs", "HSCode"))


class Migration(migrations.Migration):
    dependencies = [("orgs", "0009_hs_codes")]

    operations = [migrations.RunPython(load_hs_codes, migrations.RunPython.noop)]
