"""A database of the main branch before the layers (2366ef4), holding the demo
data and a visitor's message, migrates to this schema with every row kept:
the content version and the feedback moved to the base app with their rows,
the two tables of stored list counts, derived data, counted anew into one,
and the statistics rewritten with the same figures."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from events.models import B2BMeeting, ListCounts
from tests.snapshots import insert_rows, table_rows

PREVIOUS_MAIN_ROWS = Path(__file__).resolve().parents[1] / "data" / "previous-main-demo.json"
# The schema of the previous main: each app's last migration there.
PREVIOUS_MAIN = {"orgs": "0006_organisation_search_index", "events": "0010_event_list_counts"}
# Tables that moved to the base app, by their previous name.
MOVED = {"orgs_feedback": "portal_feedback"}
# Tables dropped since: the page cache's version (its tags are in the cache now).
DROPPED = {"events_contentversion"}
# Derived tables replaced by events_listcounts, which the migration fills anew.
RECOUNTED = {"events_mouregistercount", "events_eventlistcounts"}
# Derived tables rewritten when migrate ends: the same rows, numbered anew.
REWRITTEN = {
    "events_statsday",
    "events_statskindmonth",
    "events_statsregionmonth",
    "events_statsbuyer",
}


ISO_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)")


def stored(value):
    """A dumped value as the database stores it: a time as "2025-11-06 10:30", which
    SQLite's date functions read (they cannot read the "T" of the ISO form)."""
    return ISO_DATETIME.sub(r"\1 \2", value) if isinstance(value, str) else value


def previous_main_rows():
    dump = json.loads(PREVIOUS_MAIN_ROWS.read_text(encoding="utf-8"))
    return {
        table: (tuple(data["columns"]), {tuple(map(stored, row)) for row in data["rows"]})
        for table, data in dump.items()
    }


def projected(rows, columns):
    """`rows` (as table_rows gives them) cut down to `columns`, in that order."""
    found_columns, values = rows
    positions = [found_columns.index(column) for column in columns]
    return {tuple(row[i] for i in positions) for row in values}


# Transactional (the migrations commit), and with the rows the migrations
# themselves load (countries) restored first: a transactional test run
# before this one empties every table.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_of_the_previous_main_keeps_every_row():
    # Back to the previous main's schema: the base app came after it, and
    # the migrations that depend on it go with it.
    for app, migration in PREVIOUS_MAIN.items():
        call_command("migrate", app, migration, verbosity=0)
    call_command("migrate", "portal", "zero", verbosity=0)
    assert {"events_contentversion", "orgs_feedback"} <= set(connection.introspection.table_names())
    written = previous_main_rows()
    with transaction.atomic():
        insert_rows(written)
    # As the database gives them back, to compare like with like.
    before = table_rows(written)

    call_command("migrate", verbosity=0)

    tables = set(connection.introspection.table_names())
    assert not (set(MOVED) | RECOUNTED | DROPPED | {"portal_contentversion"}) & tables
    kept = [table for table in before if table not in RECOUNTED | DROPPED]
    after = table_rows([MOVED.get(table, table) for table in kept])
    for table in kept:
        columns, rows = before[table]
        if table in REWRITTEN:
            columns = tuple(column for column in columns if column != "id")
            rows = projected(before[table], columns)
        kept = projected(after[MOVED.get(table, table)], columns)
        assert rows <= kept, f"{table}: {len(rows - kept)} of {len(rows)} rows lost"
    assert sum(len(rows) for _columns, rows in before.values()) == 400
    # Meetings on record last as long as their events' meetings now do.
    length = datetime.timedelta(minutes=20)
    assert {m.ends_at - m.starts_at for m in B2BMeeting.objects.all()} == {length}
    # The MoU register's counts, which the previous main kept apart, are counted anew.
    assert ListCounts.objects.filter(name="mous").exists()
    feedback = after["portal_feedback"]
    assert "تاریخ همایش اراک را اعلام کنید." in {
        row[feedback[0].index("message")] for row in feedback[1]
    }
