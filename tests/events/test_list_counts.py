"""The default list's counts are stored (events.list_counts), and never stale:
a change anywhere, or a new day, and the list counts again."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event, EventListCounts
from events.selectors import event_listing
from portal.models import ContentVersion
from tests.factories import EventFactory, SchemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme():
    """A scheme with two upcoming meets, one of them ending today."""
    today = timezone.localdate()
    scheme = SchemeFactory(slug="rampsmsme", name_en="RAMP")
    for start in (today, today + datetime.timedelta(days=10)):
        EventFactory(start_date=start, end_date=start).schemes.add(scheme)
    return scheme


def scheme_count(listing, slug):
    return {choice.value: choice.count for choice in listing.facets["scheme"]}.get(slug, 0)


def recounted(params):
    """The listing, and whether it grouped the events by their schemes."""
    with CaptureQueriesContext(connection) as queries:
        listing = event_listing(params=params)
    return listing, any("events_event_schemes" in q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize("changed", [True, False], ids=["after changes", "before any change"])
def test_the_default_list_reads_its_counts_once_stored(scheme, changed):
    if not changed:  # as generate_data leaves a database: it writes without signals
        ContentVersion.objects.all().delete()
    first, counted = recounted({})
    assert counted
    assert EventListCounts.objects.count() == 1
    again, counted = recounted({"sort": "title", "when": "upcoming"})
    assert not counted
    assert again.count == first.count == 2
    assert scheme_count(again, "rampsmsme") == 2


def test_a_change_shows_in_the_counts_at_once(scheme):
    assert scheme_count(event_listing(params={}), "rampsmsme") == 2
    EventFactory(start_date=timezone.localdate()).schemes.add(scheme)
    listing = event_listing(params={})
    assert listing.count == 3
    assert scheme_count(listing, "rampsmsme") == 3
    Event.objects.filter(schemes=scheme).first().delete()
    assert scheme_count(event_listing(params={}), "rampsmsme") == 2


def test_a_new_day_drops_the_meet_that_ended(scheme):
    assert event_listing(params={}).count == 2
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        listing = event_listing(params={})
    assert listing.count == 1
    assert scheme_count(listing, "rampsmsme") == 1


def test_a_filtered_list_counts_for_itself(scheme):
    event_listing(params={})
    EventListCounts.objects.update(counts={"total": 99, "counts": {}})
    assert event_listing(params={"scheme": "rampsmsme"}).count == 2
    assert event_listing(params={"when": "all"}).count == 2
