"""Every public page runs at most QUERY_BUDGET queries, with every filter it takes set.

Each page is fetched with each of its filters naming a record that exists,
with a few rows and with more rows than a page holds: the number of queries
must depend on neither (the per-list tests check that counts do not grow
with rows; these check the ceiling with all the filters at once).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import B2BMeeting, EventOrganiser, MoU, MoUParty
from events.selectors import PAGE_SIZE
from orgs.models import Organisation
from tests.conftest import recording
from tests.factories import (
    B2BMeetingFactory,
    DistrictFactory,
    EventFactory,
    EventRoleFactory,
    EventSeriesFactory,
    MoUFactory,
    OrganisationFactory,
    SchemeFactory,
    SectorFactory,
    SessionFactory,
    country,
)
from tests.snapshots import restore

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


class Dataset:
    """`rows` published Pune meets sharing a scheme, sector, market and organiser,
    each with a session, a role, an MoU and two B2B meetings, and each an
    edition of one series."""

    def __init__(self, rows):
        self.rows = rows
        start = timezone.localdate() + datetime.timedelta(days=10)
        self.district = DistrictFactory()
        self.scheme = SchemeFactory()
        self.sector = SectorFactory()
        self.organiser = OrganisationFactory(region=self.district)
        self.organiser.sectors.add(self.sector)
        self.partner = OrganisationFactory(region=self.district)
        self.partner.sectors.add(self.sector)
        self.signed_on = start - datetime.timedelta(days=400)
        self.series = EventSeriesFactory()
        for i in range(rows):
            event = EventFactory(
                title_en=f"Pune engineering buyer-seller meet {i}",
                start_date=start + datetime.timedelta(days=i),
                region=self.district,
                series=self.series,
                edition=i + 1,
            )
            event.schemes.add(self.scheme)
            event.sectors.add(self.sector)
            event.target_countries.add(country("AE"))
            EventOrganiser.objects.create(event=event, organisation=self.organiser)
            EventRoleFactory(event=event, session=SessionFactory(event=event))
            mou = MoUFactory(event=event, signed_on=self.signed_on, status=MoU.Status.SIGNED)
            MoUParty.objects.create(mou=mou, organisation=self.organiser, order=0)
            MoUParty.objects.create(mou=mou, organisation=self.partner, order=1)
            for hour in range(2):
                B2BMeetingFactory(
                    event=event,
                    starts_at=timezone.now() + datetime.timedelta(days=10, hours=hour),
                    status=B2BMeeting.Status.HELD,
                )
        self.event = event

    def event_filters(self, **extra):
        """Every filter of the event list (and its feeds and API), each naming a record."""
        return {
            "q": "pune meet",
            "kind": "buyer_seller_meet",
            "scheme": self.scheme.slug,
            "sector": self.sector.slug,
            "country": "IN",
            "region": self.district.parent.slug,
            "target_country": "AE",
            "organiser": self.organiser.slug,
            "date_from": timezone.localdate().isoformat(),
            "date_to": (timezone.localdate() + datetime.timedelta(days=400)).isoformat(),
            "when": "all",
            "sort": "-date",
            **extra,
        }


@pytest.fixture(scope="session", params=[3, 25], ids=["3-rows", "25-rows"])
def dataset_recording(request, django_db_setup, django_db_blocker):
    return recording(django_db_blocker, lambda: Dataset(request.param))


@pytest.fixture
def data(db, dataset_recording):
    return restore(dataset_recording)


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(captured)


def test_home(client, data):
    assert queries_for(client, "/en/") <= QUERY_BUDGET


@pytest.mark.parametrize("page", ["1", "2"])
def test_event_list_with_every_filter(client, data, page):
    if page == "2" and data.rows <= PAGE_SIZE:
        pytest.skip("one page of results")
    params = data.event_filters(page=page)
    response = client.get("/en/events/", params)
    assert response.context["listing"].count > 0 and not response.context["listing"].ignored
    assert queries_for(client, "/en/events/", params) <= QUERY_BUDGET


def test_event_list_unfiltered(client, data):
    assert queries_for(client, "/en/events/") <= QUERY_BUDGET


def test_event_list_with_unknown_values(client, data):
    # A value naming no record is ignored, and costs no more than a known one.
    params = {name: "no-such-thing" for name in data.event_filters()}
    assert queries_for(client, "/fa/events/", params) <= QUERY_BUDGET


def test_event_detail(client, data):
    assert queries_for(client, data.event.get_absolute_url()) <= QUERY_BUDGET


def test_event_ics(client, data):
    assert queries_for(client, f"{data.event.get_absolute_url()}event.ics") <= QUERY_BUDGET


def test_series_page(client, data):
    assert queries_for(client, data.series.get_absolute_url()) <= QUERY_BUDGET


def test_series_feed(client, data):
    assert queries_for(client, f"{data.series.get_absolute_url()}feed/") <= QUERY_BUDGET


def test_organisation_list_with_every_filter(client, data):
    params = {
        "q": "maharashtra",
        "kind": Organisation.Kind.STATE_CORPORATION,
        "country": "IN",
        "region": data.district.slug,
        "sector": data.sector.slug,
    }
    response = client.get("/en/organisations/", params)
    assert response.context["listing"].count == 2 and not response.context["listing"].ignored
    assert queries_for(client, "/en/organisations/", params) <= QUERY_BUDGET


def test_organisation_detail(client, data):
    assert queries_for(client, data.organiser.get_absolute_url()) <= QUERY_BUDGET


def test_mou_register_with_every_filter(client, data):
    params = {
        "year": str(data.signed_on.year),
        "party": data.partner.slug,
        "sector": data.sector.slug,
        "status": MoU.Status.SIGNED,
    }
    response = client.get("/en/mous/", params)
    assert response.context["listing"].count > 0 and not response.context["listing"].ignored
    assert queries_for(client, "/en/mous/", params) <= QUERY_BUDGET


def test_stats(client, data):
    assert queries_for(client, "/en/stats/") <= QUERY_BUDGET


def test_calendar_feed_with_every_filter(client, data):
    assert queries_for(client, "/en/events/calendar.ics", data.event_filters()) <= QUERY_BUDGET


def test_atom_feed_with_every_filter(client, data):
    assert queries_for(client, "/en/events/feed/", data.event_filters()) <= QUERY_BUDGET


def test_api_with_every_filter(client, data):
    params = data.event_filters(lang="hi")
    assert client.get("/api/events/", params).json()["count"] > 0
    assert queries_for(client, "/api/events/", params) <= QUERY_BUDGET


def test_sitemap(client, data):
    assert queries_for(client, "/sitemap.xml") <= QUERY_BUDGET
