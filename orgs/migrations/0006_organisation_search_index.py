# Written by hand: a PostgreSQL-only index, which no model field describes.

from django.db import migrations

# The directory's search runs one `contains` (LIKE '%word%') per word on
# search_text; on PostgreSQL a trigram GIN index serves those. Other
# databases (SQLite in development and tests) have no such index.
TRIGRAM_INDEX = "organisation_search_text_trgm"


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} "
            "ON orgs_organisation USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("orgs", "0005_history"),
    ]

    operations = [
        migrations.RunPython(add_trigram_index, drop_trigram_index, elidable=False),
    ]
