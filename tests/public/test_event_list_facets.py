"""The event list's facet counts agree with its filters: each choice's count is
how many events choosing it lists, the other filters kept.

The counts come from one statement (portal.facet_counts); these
check it against the list itself, with a search, a facet set and dates.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.filters import EventFilter
from events.models import Event, EventOrganiser
from events.selectors import event_listing
from tests.factories import (
    DistrictFactory,
    EventFactory,
    OrganisationFactory,
    RegionFactory,
    SchemeFactory,
    SectorFactory,
    country,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    """Upcoming, past and undated meets across two states, schemes, sectors,
    markets and organisers, most with "export" in their title."""
    today = timezone.localdate()
    pune = DistrictFactory()
    lucknow = DistrictFactory(
        slug="lucknow",
        name_en="Lucknow",
        parent=RegionFactory(slug="uttar-pradesh", name_en="Uttar Pradesh"),
    )
    schemes = SchemeFactory.create_batch(2)
    sectors = SectorFactory.create_batch(2)
    organisers = OrganisationFactory.create_batch(3)
    kinds = [Event.Kind.BUYER_SELLER_MEET, Event.Kind.WORKSHOP, Event.Kind.CONFERENCE]
    for i in range(12):
        start = None if i == 11 else today + datetime.timedelta(days=i * 40 - 200)
        event = EventFactory(
            title_en=f"{'Export' if i % 4 else 'Import'} meet {i}",
            kind=kinds[i % 3],
            start_date=start,
            end_date=start,
            region=[pune, pune.parent, lucknow, None][i % 4],
            country=country("IN") if i % 5 else country("IR"),
        )
        event.schemes.set(schemes[: i % 3])
        event.sectors.set(sectors[i % 2 : 2])
        event.target_countries.set([country("AE"), country("UZ")][: i % 3])
        for order, organiser in enumerate(organisers[: 1 + i % 3]):
            EventOrganiser.objects.create(event=event, organisation=organiser, order=order)
    EventFactory(title_en="Export draft", status=Event.Status.DRAFT).schemes.set(schemes)


def listed(params):
    """How many events the list's filters give, counted apart from the facets."""
    return EventFilter(params, queryset=Event.objects.published()).qs.count()


def choices(facet):
    """(value, count) of a facet's choices, a state's districts included."""
    for choice in facet:
        yield choice.value, choice.count
        for child in choice.children:
            yield child.value, child.count


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"when": "all"},
        {"when": "past"},
        {"when": "all", "q": "export"},
        {"when": "all", "q": "export", "kind": "workshop"},
        {"q": "export meet", "region": "maharashtra", "scheme": "placeholder"},
        {"date_from": "2000-01-01", "sector": "placeholder", "organiser": "placeholder"},
    ],
)
def test_each_choice_counts_the_events_choosing_it_would_list(events, params):
    # A placeholder names the facet's busiest record (slugs are generated).
    busiest = {facet: top[0].value for facet, top in event_listing(params={}).facets.items()}
    params = {
        name: busiest[name] if value == "placeholder" else value for name, value in params.items()
    }
    listing = event_listing(params=params)
    assert not listing.ignored
    assert listing.count == listed(params)
    for facet in (facet.name for facet in EventFilter.facets):
        counted = dict(choices(listing.facets[facet]))
        assert counted, facet
        for value, count in counted.items():
            assert listed({**params, facet: value}) == count, (facet, value)


def test_a_search_counts_and_lists_the_same_events(events):
    listing = event_listing(params={"when": "all", "q": "export"})
    assert listing.count == len(listing.page.object_list) == 9
    assert all(event.title_en.startswith("Export") for event in listing.page.object_list)


def test_a_filter_by_linked_records_reads_only_their_link_table(events):
    # A semi-join through the events table again read every event's key, at
    # national scale most of a filtered list's time.
    busiest = {facet: top[0].value for facet, top in event_listing(params={}).facets.items()}
    params = {"when": "all", **{name: busiest[name] for name in ("scheme", "organiser")}}
    params["target_country"] = "AE"
    with CaptureQueriesContext(connection) as captured:
        listing = event_listing(params=params)
        assert listing.count == listed(params) > 0
    through_events = re.compile(r'IN \(SELECT [^()]* FROM "events_event"\s')
    assert not [q["sql"] for q in captured.captured_queries if through_events.search(q["sql"])]
