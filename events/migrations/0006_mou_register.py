# Written by hand: the public MoU register's indexes, PostgreSQL's only.

from django.db import migrations

# The register in its order (newest first, undated last), with the columns
# its filters and facets read: a page is read in order, the count and the
# facets from the index alone. SQLite (development and tests) takes no
# NULLS LAST in an index; its tables are small.
REGISTER_INDEX = "mou_register"
# The register leaves out the MoUs of unpublished events. Those events are
# few, and this partial index lists them, so that the register never reads
# the events table, the largest it would touch.
UNPUBLISHED_INDEX = "event_unpublished"


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {REGISTER_INDEX} "
            "ON events_mou (signed_on DESC NULLS LAST, id, status, event_id)"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {UNPUBLISHED_INDEX} "
            "ON events_event (id) WHERE status <> 'published'"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {REGISTER_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {UNPUBLISHED_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("events", "0005_stats_summaries")]

    operations = [migrations.RunPython(add_indexes, drop_indexes, elidable=False)]
