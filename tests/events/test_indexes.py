"""The public pages find events and meetings by index, not by reading whole tables.

PostgreSQL only: EXPLAIN of what the pages run, on a generated national
dataset (manage.py generate_data) big enough that the planner's choice is
real, after ANALYZE. The planner is not forced: enable_seqscan stays on.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events.list_counts import EVENT_LIST, MOU_REGISTER
from events.models import B2BMeeting, Event
from orgs.models import Organisation

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="EXPLAIN plans and the trigram index are PostgreSQL's",
    ),
]

SCALE = 0.2  # 20,000 events, 200,000 meetings
TABLES = ("events_event", "events_b2bmeeting")


@pytest.fixture(scope="module")
def national(django_db_setup, django_db_blocker):
    # Kept for the module's tests (each runs in a savepoint of this
    # transaction), then rolled back.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_data", scale=SCALE, stdout=open("/dev/null", "w"))  # noqa: SIM115
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        transaction.set_rollback(True)


def page_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def assert_no_seq_scan(sql):
    explained = plan(sql)
    for table in TABLES:
        # The table itself, not one named after it (events_event_schemes).
        scan = re.compile(rf"Seq Scan on {table}\b(?!_)")
        assert not scan.search(explained), f"{sql}\n{explained}"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "workshop"},
        {"q": "pune"},
        {"q": "pune", "when": "all"},
        {"region": "maharashtra", "when": "all"},
        {"region": "maharashtra", "when": "all", "q": "meet"},
    ],
    ids=["upcoming", "kind", "search", "search-all", "region", "region-search"],
)
def test_the_event_list_page_is_read_by_index(client, national, params):
    (page,) = (
        sql
        for sql in page_queries(client, "/en/events/", params)
        if 'FROM "events_event"' in sql and "LIMIT" in sql and "GROUP BY" not in sql
    )
    assert_no_seq_scan(page)


@pytest.mark.parametrize("params", [{}, {"kind": "workshop"}, {"q": "pune"}])
def test_the_upcoming_lists_count_and_facets_are_read_by_index(client, national, params):
    # Upcoming, the list's default: every query, the count and each facet's
    # included. (Over all dates a state's events are one in fourteen of this
    # small dataset, scattered over every page of the table, and PostgreSQL
    # rightly reads the table to count them.)
    for sql in page_queries(client, "/en/events/", params):
        assert_no_seq_scan(sql)


@pytest.mark.parametrize("stored", [EVENT_LIST, MOU_REGISTER], ids=["events", "mous"])
def test_the_stored_counts_are_counted_by_index(national, stored):
    # The list as it opens reads its counts stored (events.list_counts): the
    # statement that counts them runs with each change, and reads by index too.
    with CaptureQueriesContext(connection) as captured:
        stored.counted()
    for query in captured.captured_queries:
        assert_no_seq_scan(query["sql"])


def test_a_search_in_persian_is_read_by_index(client, national):
    title = Event.objects.published().filter(title_fa__gt="").values_list("title_fa", flat=True)[0]
    word = max(title.split(), key=len)
    for sql in page_queries(client, "/en/events/", {"q": word, "when": "all"}):
        assert_no_seq_scan(sql)


def test_an_events_meeting_figures_are_read_by_index(client, national):
    event = Event.objects.published().filter(meetings__isnull=False).order_by("pk").first()
    queries = page_queries(client, event.get_absolute_url())
    (figures,) = (sql for sql in queries if 'FROM "events_b2bmeeting"' in sql)
    assert_no_seq_scan(figures)
    for sql in queries:
        assert_no_seq_scan(sql)


def test_an_organisation_page_is_read_by_index(client, national):
    busiest = (
        Organisation.objects.filter(event_links__isnull=False).order_by("pk").first()
        or B2BMeeting.objects.first().buyer
    )
    for sql in page_queries(client, busiest.get_absolute_url()):
        assert_no_seq_scan(sql)
