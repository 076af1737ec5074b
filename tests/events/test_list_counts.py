"""The event list's counts as most visitors open it are stored
(events.list_counts), and never stale: every change they count rewrites them
in its own transaction, visitors read them, no request writes them, and on
another day than the one they were counted on the list counts live."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import summaries
from events.list_counts import EVENT_LIST
from events.models import Event, EventOrganiser, ListCounts
from events.selectors import event_listing
from tests.factories import (
    DistrictFactory,
    EventFactory,
    OrganisationFactory,
    SchemeFactory,
    SectorFactory,
    country,
)

pytestmark = pytest.mark.django_db

TABLE = ListCounts._meta.db_table


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


def writes(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def recounted(params):
    """The listing, and whether it grouped the events by their schemes; it wrote nothing."""
    with CaptureQueriesContext(connection) as queries:
        listing = event_listing(params=params)
    assert not writes(queries)
    return listing, any("events_event_schemes" in q["sql"] for q in queries.captured_queries)


def stored():
    return ListCounts.objects.get(name=EVENT_LIST.name)


def assert_current():
    """The stored row is what counting the events now gives, for today."""
    row = stored()
    assert (row.day, row.counts) == (timezone.localdate(), EVENT_LIST.counted().counts)


def test_the_default_list_reads_the_counts_its_changes_stored(scheme):
    assert_current()
    first, counted = recounted({})
    assert not counted
    again, counted = recounted({"sort": "title", "when": "upcoming"})
    assert not counted
    assert again.count == first.count == 2
    assert scheme_count(again, "rampsmsme") == 2


def test_a_request_writes_nothing(client, scheme):
    ListCounts.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        for page in ("/en/events/", "/en/mous/", "/en/organisations/", "/en/events/?kind=x"):
            assert client.get(page).status_code == 200
    assert not writes(queries)
    listing, counted = recounted({})
    assert counted
    assert (listing.count, scheme_count(listing, "rampsmsme")) == (2, 2)
    assert not ListCounts.objects.exists()


def test_a_change_shows_in_the_counts_at_once(scheme):
    EventFactory(start_date=timezone.localdate()).schemes.add(scheme)
    listing, counted = recounted({})
    assert not counted
    assert listing.count == 3
    assert scheme_count(listing, "rampsmsme") == 3
    Event.objects.filter(schemes=scheme).first().delete()
    listing, counted = recounted({})
    assert not counted
    assert scheme_count(listing, "rampsmsme") == 2


def _moved_to_the_past(event, _scene):
    event.start_date = event.end_date = timezone.localdate() - datetime.timedelta(days=3)
    event.save()


def _unpublished(event, _scene):
    event.status = Event.Status.DRAFT
    event.save()


def _another_kind(event, _scene):
    event.kind = Event.Kind.WORKSHOP
    event.save()


def _another_place(event, _scene):
    event.country, event.region = country("IN"), DistrictFactory()
    event.save()


def _links_changed(event, scene):
    event.schemes.remove(scene)
    event.sectors.add(SectorFactory())
    event.target_countries.add(country("AE"))


def _from_the_other_side(event, _scene):
    OrganisationFactory().events.add(event)


def _organiser_added(event, _scene):
    EventOrganiser.objects.create(event=event, organisation=OrganisationFactory())


def _organisers_set(event, _scene):
    event.organisers.set(OrganisationFactory.create_batch(2))


def _organiser_taken_off(event, _scene):
    for organisation in OrganisationFactory.create_batch(2):
        EventOrganiser.objects.create(event=event, organisation=organisation)
    EventOrganiser.objects.filter(event=event, organisation=organisation).delete()


def _scheme_deleted(_event, scene):
    scene.delete()


def _event_deleted(event, _scene):
    event.delete()


@pytest.mark.parametrize(
    "change",
    [
        _moved_to_the_past,
        _unpublished,
        _another_kind,
        _another_place,
        _links_changed,
        _from_the_other_side,
        _organiser_added,
        _organisers_set,
        _organiser_taken_off,
        _scheme_deleted,
        _event_deleted,
    ],
)
def test_each_change_the_list_counts_rewrites_its_counts(scheme, change):
    before = stored().counts
    change(Event.objects.filter(start_date=timezone.localdate()).get(), scheme)
    assert stored().counts != before
    assert_current()


def test_an_edit_of_nothing_counted_rewrites_nothing(scheme):
    event = Event.objects.filter(schemes=scheme).first()
    link = EventOrganiser.objects.create(event=event, organisation=OrganisationFactory())
    with CaptureQueriesContext(connection) as queries:
        event.title_en, event.msmes = "A new title", 40
        event.save()
        scheme.name_en = "A new name"  # labels are read when a page is shown
        scheme.save()
        link.order = 3
        link.save()
        # A draft is not listed.
        draft = EventFactory(status=Event.Status.DRAFT)
        draft.schemes.add(scheme)
        EventOrganiser.objects.create(event=draft, organisation=link.organisation)
    assert not [q for q in queries if TABLE in q["sql"]]
    assert scheme_count(event_listing(params={}), "rampsmsme") == 2


def test_a_new_day_counts_live_and_stores_nothing(scheme):
    assert event_listing(params={}).count == 2
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        listing, counted = recounted({})
        assert counted
        assert listing.count == 1
        assert scheme_count(listing, "rampsmsme") == 1
        assert stored().day == today  # until a change
        EventFactory(start_date=tomorrow)
        assert stored().day == tomorrow
        listing, counted = recounted({})
        assert not counted
        assert listing.count == 2


def test_a_filtered_list_counts_for_itself(scheme):
    row = stored()
    row.counts = {**row.counts, "total": 99}
    row.save()
    assert event_listing(params={}).count == 99  # read, not counted
    assert event_listing(params={"scheme": "rampsmsme"}).count == 2
    assert event_listing(params={"when": "all"}).count == 2
    assert event_listing(params={"date_from": timezone.localdate().isoformat()}).count == 2


def test_counts_of_facets_declared_otherwise_are_counted_again(scheme, monkeypatch):
    organiser = EVENT_LIST.filterset_class.facet("organiser")
    monkeypatch.setattr(organiser, "limit", organiser.limit + 1)
    listing, counted = recounted({})
    assert counted
    assert listing.count == 2


def test_a_batch_rewrites_the_counts_once_at_its_end(scheme):
    with CaptureQueriesContext(connection) as queries, summaries.batch():
        for _ in range(3):
            EventFactory().schemes.add(scheme)
    rewrites = [q for q in queries if q["sql"].startswith(f'DELETE FROM "{TABLE}"')]
    assert len(rewrites) == 1
    assert scheme_count(event_listing(params={}), "rampsmsme") == 5
    assert_current()


def test_a_rebuild_counts_what_was_written_without_signals(scheme):
    Event.objects.bulk_create([EventFactory.build(slug=f"bulk-{i}") for i in range(2)])
    assert event_listing(params={}).count == 2
    summaries.rebuild()
    assert event_listing(params={}).count == 4
    assert_current()
