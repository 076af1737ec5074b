import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, SchemeFactory

pytestmark = pytest.mark.django_db


def soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_the_home_page_shows_the_next_meets_and_a_search_box(client):
    EventFactory(title_en="Nashik engineering buyer-seller meet", start_date=soon(12))
    EventFactory(title_en="Kochi food export seminar", start_date=soon(40))
    html = client.get("/en/").content.decode()
    assert html.index("Nashik engineering") < html.index("Kochi food export")
    assert 'type="search" name="q"' in html


def test_headline_totals_add_up_the_events_held(client):
    EventFactory(start_date=soon(-60), foreign_buyers=41, mous=32)
    EventFactory(start_date=soon(-30), foreign_buyers=9, mous=None)
    totals = client.get("/en/").context["totals"]
    assert (totals["events"], totals["foreign_buyers"], totals["mous"]) == (2, 50, 32)


def test_drafts_never_reach_the_home_page(client):
    EventFactory(title_en="Unannounced draft meet", start_date=soon(5), status=Event.Status.DRAFT)
    EventFactory(start_date=soon(-5), status=Event.Status.DRAFT, foreign_buyers=99)
    response = client.get("/en/")
    assert "Unannounced draft meet" not in response.content.decode()
    assert response.context["totals"]["events"] == 0


def test_the_home_page_runs_the_same_queries_for_5_and_50_events(client):
    ramp = SchemeFactory()

    def add(n):
        for i in range(n):
            EventFactory(start_date=soon(i + 1)).schemes.add(ramp)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/en/").status_code == 200
        return len(ctx)

    add(5)
    with_5 = queries()
    add(45)
    assert queries() == with_5
