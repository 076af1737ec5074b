# B2B meetings become scheduled resources: each has an end (the event's usual
# length unless told), and on PostgreSQL no firm and no table is in two
# meetings at once (exclusion constraints, btree_gist). Meetings on record
# that break the rule are listed and the migration stops: they are never
# changed here (manage.py check_integrity lists them too, before and after).

import datetime

import django.core.validators
from django.db import migrations, models

# What the rule forbids, per event: the same buyer, the same seller, the same
# table (when one is given) in two meetings not cancelled that overlap.
EXCLUSIONS = {
    "meeting_buyer_free": "buyer_id",
    "meeting_seller_free": "seller_id",
    "meeting_table_free": '"table"',
}


def booked(column, alias=""):
    """The meetings the rule counts: not cancelled (and, for tables, at a table)."""
    condition = f"{alias}status <> 'cancelled'"
    return condition + (f" AND {alias}{column} <> ''" if column == '"table"' else "")


def fill_ends(apps, schema_editor):
    """Each meeting on record lasts as long as its event's meetings now do."""
    length = datetime.timedelta(minutes=20)
    for name in ("B2BMeeting", "HistoricalB2BMeeting"):
        model = apps.get_model("events", name)
        model.objects.filter(ends_at__isnull=True).update(ends_at=models.F("starts_at") + length)


def overlapping(cursor, column):
    """Up to 20 pairs of meetings of one event that share `column` and overlap."""
    cursor.execute(
        f"""
        SELECT a.id, b.id FROM events_b2bmeeting a JOIN events_b2bmeeting b
        ON a.event_id = b.event_id AND a.{column} = b.{column} AND a.id < b.id
        AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
        WHERE {booked(column, "a.")} AND {booked(column, "b.")} LIMIT 20
        """
    )
    return cursor.fetchall()


def add_exclusions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite: the models' clean() holds the rule alone
    with schema_editor.connection.cursor() as cursor:
        clashes = {
            name: pairs for name, column in EXCLUSIONS.items() if (pairs := overlapping(cursor, column))
        }
    if clashes:
        listed = "; ".join(f"{name}: meetings {pairs}" for name, pairs in clashes.items())
        raise RuntimeError(
            "B2B meetings on record are booked at the same time for the same firm or table "
            f"({listed}). Cancel or move them, then migrate again; "
            "`manage.py check_integrity` lists every one."
        )
    # Equality on ids and names in a GiST index (a trusted extension: the
    # database's owner may create it). Kept if the migration is undone.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, column in EXCLUSIONS.items():
        schema_editor.execute(
            f"ALTER TABLE events_b2bmeeting ADD CONSTRAINT {name} EXCLUDE USING gist "
            f"(event_id WITH =, {column} WITH =, tstzrange(starts_at, ends_at) WITH &&) "
            f"WHERE ({booked(column)})"
        )


def drop_exclusions(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in EXCLUSIONS:
            schema_editor.execute(f"ALTER TABLE events_b2bmeeting DROP CONSTRAINT {name}")


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0012_list_counts'),
        ('orgs', '0007_feedback_moved_to_portal'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='b2bmeeting',
            name='meeting_buyer_booked_once',
        ),
        migrations.RemoveConstraint(
            model_name='b2bmeeting',
            name='meeting_seller_booked_once',
        ),
        migrations.AddField(
            model_name='b2bmeeting',
            name='ends_at',
            field=models.DateTimeField(blank=True, help_text="Leave empty for a meeting of the event's usual length.", null=True, verbose_name='ends'),
        ),
        migrations.AddField(
            model_name='event',
            name='meeting_buyer_kinds',
            field=models.JSONField(blank=True, default=list, verbose_name='kinds of organisation that buy at its B2B meetings'),
        ),
        migrations.AddField(
            model_name='event',
            name='meeting_minutes',
            field=models.PositiveSmallIntegerField(default=20, validators=[django.core.validators.MinValueValidator(5), django.core.validators.MaxValueValidator(240)], verbose_name='length of a B2B meeting (minutes)'),
        ),
        migrations.AddField(
            model_name='event',
            name='meeting_seller_kinds',
            field=models.JSONField(blank=True, default=list, verbose_name='kinds of organisation that sell at its B2B meetings'),
        ),
        migrations.AddField(
            model_name='historicalb2bmeeting',
            name='ends_at',
            field=models.DateTimeField(blank=True, help_text="Leave empty for a meeting of the event's usual length.", null=True, verbose_name='ends'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='meeting_buyer_kinds',
            field=models.JSONField(blank=True, default=list, verbose_name='kinds of organisation that buy at its B2B meetings'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='meeting_minutes',
            field=models.PositiveSmallIntegerField(default=20, validators=[django.core.validators.MinValueValidator(5), django.core.validators.MaxValueValidator(240)], verbose_name='length of a B2B meeting (minutes)'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='meeting_seller_kinds',
            field=models.JSONField(blank=True, default=list, verbose_name='kinds of organisation that sell at its B2B meetings'),
        ),
        migrations.RunPython(fill_ends, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='b2bmeeting',
            name='ends_at',
            field=models.DateTimeField(blank=True, help_text="Leave empty for a meeting of the event's usual length.", verbose_name='ends'),
        ),
        migrations.AlterField(
            model_name='historicalb2bmeeting',
            name='ends_at',
            field=models.DateTimeField(blank=True, help_text="Leave empty for a meeting of the event's usual length.", verbose_name='ends'),
        ),
        migrations.AddConstraint(
            model_name='b2bmeeting',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__gt', models.F('starts_at'))), name='meeting_ends_after_it_starts', violation_error_message='A meeting ends after it starts.'),
        ),
        migrations.RunPython(add_exclusions, drop_exclusions),
    ]
