"""The statistics follow every change at once, and the passing of the days with none.

The figures are read from summaries (events.summaries) kept current in the
transaction of each save, delete and import; these tests change records the
ways the portal does and check what the statistics page then says, and
that the summaries are what a rewrite from scratch would make.
"""

import datetime
from unittest import mock

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import stats, summaries
from events.importers import MeetingResource
from events.models import (
    B2BMeeting,
    Event,
    StatsBuyer,
    StatsDay,
    StatsKindMonth,
    StatsRegionMonth,
)
from orgs.models import Organisation
from tests.factories import (
    DistrictFactory,
    EventFactory,
    MoUFactory,
    OrganisationFactory,
    RegionFactory,
    buyer,
    country,
    held,
    meeting,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 17)


@pytest.fixture(autouse=True)
def today():
    """A fixed today (mid-month), moved on by `on(day)`."""
    with mock.patch.object(timezone, "localdate", return_value=TODAY) as localdate:
        yield localdate


def on(day):
    timezone.localdate.return_value = day


def summary_rows():
    """Every summary's rows, comparable whatever order they were written in."""
    return {
        model.__name__: sorted(
            tuple(value for name, value in row.items() if name != "id")
            for row in model.objects.values()
        )
        for model in (StatsDay, StatsKindMonth, StatsRegionMonth, StatsBuyer)
    }


def assert_as_rebuilt():
    kept = summary_rows()
    summaries.rebuild()
    assert summary_rows() == kept


def kinds():
    return {t.key: t.count for t in stats.events_by_kind()}


def buyers():
    return {t.key: t.count for t in stats.buyers_by_country(lang="en")}


def year(number):
    return next(y for y in stats.outcomes_per_year() if y.year == number)


# Saves and deletes.


def test_an_event_counts_once_saved_changed_unpublished_and_deleted():
    event = held(start_date=datetime.date(2025, 6, 2), msmes=40)
    assert (stats.headline().events, stats.headline().msmes.value) == (1, 40)

    event.msmes, event.kind = 55, Event.Kind.WORKSHOP
    event.save()
    assert stats.headline().msmes.value == 55
    assert kinds() == {Event.Kind.WORKSHOP: 1}

    event.start_date = datetime.date(2024, 2, 1)
    event.save()
    assert stats.events_per_quarter() == [stats.QuarterTally(2024, 1, 1)]
    assert_as_rebuilt()

    event.status = Event.Status.DRAFT
    event.save()
    assert stats.headline().events == 0
    assert kinds() == {}

    event.status = Event.Status.PUBLISHED
    event.save()
    event.delete()
    assert stats.headline() == stats.Headline(0, *[stats.Figure(None, "exact", 0)] * 4)
    assert_as_rebuilt()


def test_an_event_moved_to_another_state_is_counted_there():
    pune, karnataka = DistrictFactory(), RegionFactory(slug="karnataka", name_en="Karnataka")
    event = held(region=pune)
    event.region = karnataka
    event.save()
    assert [(t.key, t.count) for t in stats.events_by_state(lang="en", no_state_label="")] == [
        ("karnataka", 1)
    ]


def test_meetings_count_as_they_are_recorded_held_cancelled_and_deleted():
    event = held(start_date=datetime.date(2025, 11, 6))
    dubai = buyer("AE")
    first = meeting(event, dubai)
    meeting(event, buyer("KE"), minutes=30, status=B2BMeeting.Status.CONFIRMED)
    assert (year(2025).meetings_recorded, year(2025).meetings_held) == (2, 1)
    assert buyers() == {"AE": 1}

    first.status = B2BMeeting.Status.CANCELLED
    first.save()
    assert (year(2025).meetings_recorded, year(2025).meetings_held) == (2, 0)
    assert buyers() == {}

    first.delete()
    assert year(2025).meetings_recorded == 1
    assert_as_rebuilt()


def test_a_deleted_event_takes_its_meetings_and_buyers_out_and_leaves_its_mous():
    event = held(start_date=datetime.date(2025, 11, 6))
    meeting(event, buyer("AE"))
    mou = MoUFactory(event=event)
    assert (buyers(), year(2025).mous_recorded) == ({"AE": 1}, 1)
    with CaptureQueriesContext(connection) as deleting:
        event.delete()
    assert (buyers(), stats.outcomes_per_year()) == ({}, [])
    mou.refresh_from_db()
    assert mou.event is None
    assert_as_rebuilt()
    # The meetings deleted with the event leave their rewrite to the event's.
    assert sum("DELETE FROM" in q["sql"] and "stats" in q["sql"] for q in deleting) == 4


def test_a_buyer_who_moves_to_the_events_country_is_no_longer_foreign():
    dubai = buyer("AE")
    meeting(held(), dubai)
    dubai.country = country("IN")
    dubai.save()
    assert buyers() == {}
    dubai.country = country("AE")
    dubai.save()
    assert buyers() == {"AE": 1}


def test_an_mou_counts_in_the_year_of_its_event():
    older, newer = held(start_date=datetime.date(2023, 5, 1)), held()
    mou = MoUFactory(event=older)
    assert year(2023).mous_recorded == 1
    mou.event = newer
    mou.save()
    assert year(2023).mous_recorded == 0
    mou.delete()
    assert all(y.mous_recorded == 0 for y in stats.outcomes_per_year())
    assert_as_rebuilt()


# The passing of the days, with nothing saved.


def test_an_event_counts_from_the_day_after_its_last_day():
    EventFactory(start_date=TODAY - datetime.timedelta(days=1), end_date=TODAY, msmes=10)
    assert stats.headline().events == 0
    on(TODAY + datetime.timedelta(days=1))
    assert (stats.headline().events, stats.headline().msmes.value) == (1, 10)
    assert kinds() == {Event.Kind.BUYER_SELLER_MEET: 1}


@pytest.mark.parametrize(
    "last_day",
    [
        datetime.date(2026, 3, 1),  # earlier this month: counted from the events
        datetime.date(2026, 2, 28),  # last month: from the summaries
    ],
)
def test_kinds_and_states_add_this_months_days_to_the_months_before(last_day):
    held(start_date=datetime.date(2026, 1, 10))
    held(start_date=last_day, kind=Event.Kind.WORKSHOP, region=DistrictFactory())
    EventFactory(start_date=TODAY, kind=Event.Kind.WORKSHOP)  # today: not yet
    assert kinds() == {Event.Kind.BUYER_SELLER_MEET: 1, Event.Kind.WORKSHOP: 1}
    by_state = stats.events_by_state(lang="en", no_state_label="none")
    assert [(t.key, t.count) for t in by_state] == [("maharashtra", 1), ("", 1)]


def test_a_buyer_counts_once_its_first_meet_is_over():
    dubai = buyer("AE")
    meeting(EventFactory(start_date=TODAY + datetime.timedelta(days=3), end_date=None), dubai)
    assert buyers() == {}
    on(TODAY + datetime.timedelta(days=4))
    assert buyers() == {"AE": 1}


# Imports and rewrites.


def test_an_import_is_counted_once_written_and_its_preview_is_not():
    event = held(start_date=datetime.date(2025, 11, 6))
    sellers = [
        OrganisationFactory(kind=Organisation.Kind.MSME, udyam_number=f"UDYAM-MH-26-000000{n}")
        for n in range(3)
    ]
    dubai = buyer("AE", name_en="Gulf Horizon Trading LLC")
    rows = tablib.Dataset(headers=["buyer", "seller", "date", "time", "table", "status"])
    for n, seller in enumerate(sellers):
        rows.append([dubai.name_en, seller.udyam_number, "2025-11-06", f"1{n}:00", "T1", "held"])

    preview = MeetingResource(event=event).import_data(rows, dry_run=True)
    assert not preview.has_errors() and not preview.has_validation_errors()
    assert (stats.outcomes_per_year()[0].meetings_recorded, buyers()) == (None, {})

    MeetingResource(event=event).import_data(rows)
    assert (year(2025).meetings_held, buyers()) == (3, {"AE": 1})
    assert_as_rebuilt()


def test_a_batch_rewrites_once_at_its_end():
    with CaptureQueriesContext(connection) as queries, summaries.batch():
        for n in range(5):
            held(msmes=n)
    rewrites = [q for q in queries if q["sql"].startswith('DELETE FROM "events_statsday"')]
    assert len(rewrites) == 1
    assert stats.headline().msmes.value == 10
    assert_as_rebuilt()
