"""The back-office lists of meetings and events stay quick on a national dataset:
their date hierarchy is probed by index, and a list is counted once."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from backoffice import big_lists as admin_lists
from events.models import B2BMeeting
from tests.factories import B2BMeetingFactory, EventFactory

pytestmark = pytest.mark.django_db

MEETINGS = reverse("admin:events_b2bmeeting_changelist")
EVENTS = reverse("admin:events_event_changelist")


def at(year, month=1, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


@pytest.fixture
def probed(monkeypatch):
    """Periods probed by index however few the rows, as on the national dataset."""
    monkeypatch.setattr(admin_lists, "PROBE_FROM", 0)


def meetings_at(*moments):
    event = EventFactory()
    for moment in moments:
        B2BMeetingFactory(event=event, starts_at=moment)


def hierarchy(admin_client, url, **params):
    """The links of the list's date hierarchy: their text."""
    page = admin_client.get(url, params).content.decode()
    start = page.index('<nav class="toplinks">')
    nav = page[start : page.index("</nav>", start)]
    return [html.unescape(text) for text in re.findall(r"<a [^>]*>([^<]*)</a>", nav)]


def queries(admin_client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        assert admin_client.get(url, params).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.usefixtures("probed")
def test_the_years_offered_are_those_with_meetings(admin_client):
    meetings_at(at(2019, 3), at(2019, 11), at(2021, 6), at(2024, 1))
    # 2020, 2022 and 2023 have no meeting: no link leads to an empty list.
    assert hierarchy(admin_client, MEETINGS) == ["2019", "2021", "2024"]


@pytest.mark.usefixtures("probed")
def test_a_year_offers_its_months_and_a_month_its_days(admin_client):
    meetings_at(at(2021, 2, 3), at(2021, 2, 17), at(2021, 9, 30), at(2022, 5))
    assert hierarchy(admin_client, MEETINGS, starts_at__year=2021) == [
        "‹ All dates",
        "February 2021",
        "September 2021",
    ]
    assert hierarchy(admin_client, MEETINGS, starts_at__year=2021, starts_at__month=2) == [
        "‹ 2021",
        # Day first, as the public pages write dates (config/formats).
        "3 February",
        "17 February",
    ]


@pytest.mark.usefixtures("probed")
def test_a_meeting_falls_on_its_day_in_india(admin_client):
    # 20:00 UTC on 31 December is already New Year's Day in Kolkata.
    new_year = timezone.make_aware(datetime.datetime(2021, 12, 31, 20), datetime.UTC)
    meetings_at(new_year, at(2020, 6))
    assert hierarchy(admin_client, MEETINGS) == ["2020", "2022"]


@pytest.mark.usefixtures("probed")
def test_the_event_list_probes_its_start_dates(admin_client):
    EventFactory(start_date=datetime.date(2018, 4, 1))
    EventFactory(start_date=datetime.date(2020, 4, 1))
    EventFactory(start_date=None)
    assert hierarchy(admin_client, EVENTS) == ["2018", "2020"]


def test_the_hierarchy_read_whole_offers_the_same_years(admin_client):
    meetings_at(at(2019, 3), at(2021, 6))
    assert hierarchy(admin_client, MEETINGS) == ["2019", "2021"]


@pytest.mark.usefixtures("probed")
def test_the_meeting_list_takes_as_many_queries_over_one_year_or_ten(admin_client):
    meetings_at(at(2020, 5), at(2021, 5))
    two_years = len(queries(admin_client, MEETINGS))
    meetings_at(*(at(year, 5) for year in range(2010, 2020)))
    assert len(queries(admin_client, MEETINGS)) == two_years


@pytest.mark.parametrize("params", [{}, {"status": "held"}, {"q": "meet"}])
def test_a_meeting_list_is_counted_once(admin_client, params):
    B2BMeetingFactory.create_batch(3, status=B2BMeeting.Status.HELD)
    counts = [sql for sql in queries(admin_client, MEETINGS, **params) if "COUNT(" in sql]
    assert len(counts) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_a_big_unfiltered_list_is_not_counted_row_by_row(admin_client, monkeypatch):
    B2BMeetingFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_b2bmeeting")
    monkeypatch.setattr(admin_lists, "ESTIMATE_ABOVE", 0)
    unfiltered = queries(admin_client, MEETINGS)
    assert not [sql for sql in unfiltered if "COUNT(" in sql]
    held = queries(admin_client, MEETINGS, status="held")
    assert [sql for sql in held if "COUNT(" in sql]


def test_a_small_list_shows_its_exact_count(admin_client):
    B2BMeetingFactory.create_batch(3)
    html = admin_client.get(MEETINGS).content.decode()
    assert "3 B2B meetings" in html
