from django.db import migrations

from orgs.countries import sync_countries


def load_countries(apps, schema_editor):
    sync_countries(apps.get_model("orgs", "Country"))


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
