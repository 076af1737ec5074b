"""A database of the main branch before the layers (2366ef4), holding the demo
data and a visitor's message, migrates to this schema with every row kept:
the content version and the feedback moved to the base app with their rows."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests.snapshots import insert_rows, table_rows

PREVIOUS_MAIN_ROWS = Path(__file__).resolve().parents[1] / "data" / "previous-main-demo.json"
# Tables that moved to the base app, by their previous name.
MOVED = {"events_contentversion": "portal_contentversion", "orgs_feedback": "portal_feedback"}


def previous_main_rows():
    dump = json.loads(PREVIOUS_MAIN_ROWS.read_text(encoding="utf-8"))
    return {
        table: (tuple(data["columns"]), {tuple(row) for row in data["rows"]})
        for table, data in dump.items()
    }


def projected(rows, columns):
    """`rows` (as table_rows gives them) cut down to `columns`, in that order."""
    found_columns, values = rows
    positions = [found_columns.index(column) for column in columns]
    return {tuple(row[i] for i in positions) for row in values}


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_main_keeps_every_row():
    # Back to the previous main's schema: the base app came after it, and
    # the migrations that depend on it go with it.
    call_command("migrate", "portal", "zero", verbosity=0)
    assert {"events_contentversion", "orgs_feedback"} <= set(connection.introspection.table_names())
    written = previous_main_rows()
    with transaction.atomic():
        insert_rows(written)
    # As the database gives them back, to compare like with like.
    before = table_rows(written)

    call_command("migrate", verbosity=0)

    tables = set(connection.introspection.table_names())
    for table in MOVED:
        assert table not in tables
    after = table_rows(MOVED.get(table, table) for table in before)
    for table, (columns, rows) in before.items():
        kept = projected(after[MOVED.get(table, table)], columns)
        assert rows <= kept, f"{table}: {len(rows - kept)} of {len(rows)} rows lost"
    assert sum(len(rows) for _columns, rows in before.values()) == 400
    feedback = after["portal_feedback"]
    assert "تاریخ همایش اراک را اعلام کنید." in {
        row[feedback[0].index("message")] for row in feedback[1]
    }
