# A B2B meeting that was a no-show frees its slot, as a cancelled one does:
# its firms and its table may meet others at that time (the day's desk gives
# the slot to a request still waiting). On PostgreSQL the exclusion
# constraints of 0013 are made again with the new condition.

from django.db import migrations

EXCLUSIONS = {
    "meeting_buyer_free": "buyer_id",
    "meeting_seller_free": "seller_id",
    "meeting_table_free": '"table"',
}


def exclusions(freed):
    """Operations making each constraint count the meetings not in `freed`."""

    def make(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # SQLite: the model's clean() holds the rule alone
        statuses = ", ".join(f"'{status}'" for status in freed)
        for name, column in EXCLUSIONS.items():
            condition = f"status NOT IN ({statuses})"
            if column == '"table"':
                condition += f" AND {column} <> ''"
            schema_editor.execute(f"ALTER TABLE events_b2bmeeting DROP CONSTRAINT {name}")
            schema_editor.execute(
                f"ALTER TABLE events_b2bmeeting ADD CONSTRAINT {name} EXCLUDE USING gist "
                f"(event_id WITH =, {column} WITH =, tstzrange(starts_at, ends_at) WITH &&) "
                f"WHERE ({condition})"
            )

    return make


class Migration(migrations.Migration):
    dependencies = [("events", "0015_event_schedule_and_series")]

    operations = [
        migrations.RunPython(
            exclusions(["cancelled", "no_show"]), exclusions(["cancelled"])
        ),
    ]
