"""`manage.py generate_data` leaves its tables vacuumed, as autovacuum would a
live database: the lists' counts then read their covering indexes alone.

PostgreSQL only (VACUUM and the visibility map are its own); outside a
transaction, where VACUUM can run.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="VACUUM and the visibility map are PostgreSQL's"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def visible_pages(table):
    """(pages all-visible, pages) of `table`, as the planner knows them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible, relpages FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()


def test_the_tables_generated_are_vacuumed():
    out = StringIO()
    call_command("generate_data", "--scale", "0.001", stdout=out)
    assert "tables vacuumed" in out.getvalue()
    for table in ("events_event", "events_eventorganiser", "events_b2bmeeting"):
        visible, pages = visible_pages(table)
        assert pages > 0 and visible == pages, table
