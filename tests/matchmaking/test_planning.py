"""From a meet's records to a schedule of B2B meetings, and again with some
kept: the worker's run, its progress and figures, and what it could not place."""

import datetime

import pytest

from events.models import B2BMeeting
from matchmaking import requests, tasks
from matchmaking.models import Availability, MatchmakingSettings, Placement, SchedulerRun
from matchmaking.planning import problem_of, slot_id_of
from matchmaking.problem import Assignment
from matchmaking.reasons import Reason
from matchmaking.validator import validate
from tests import factories
from tests.matchmaking import meets

pytestmark = pytest.mark.django_db


@pytest.fixture
def meet():
    """A one-day meet of three 30-minute slots at two tables, the second reserved."""
    reg_settings = factories.RegistrationSettingsFactory(
        seller_places=5, buyer_places=5, approval_required=False
    )
    event = reg_settings.event
    event.end_date = event.start_date
    event.save()
    return MatchmakingSettings.objects.create(
        event=event,
        day_starts=datetime.time(10),
        day_ends=datetime.time(11, 30),
        slot_minutes=30,
        tables=2,
        reserved_tables=[2],
    )


def firm_at(meet, name, kind):
    """A firm approved for the meet of matchmaking settings `meet` (tests.matchmaking.meets)."""
    return meets.firm_at(meet.event, name, kind)


def accepted(meet, buyer, seller_user, seller, priority=2):
    asked = requests.request_meeting(buyer, meet.event, seller, priority=priority)
    return requests.answer(seller_user, asked, accept=True)


def run(meet):
    scheduler_run = SchedulerRun.objects.create(event=meet.event, time_limit=5)
    tasks.run_scheduler.delay(scheduler_run.pk)
    scheduler_run.refresh_from_db()
    return scheduler_run


def test_accepted_requests_become_meetings_at_free_tables(meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    sellers = [firm_at(meet, f"Seller {n}", "seller") for n in range(4)]
    for user, registration in sellers:
        accepted(meet, buyer, user, registration)
    done = run(meet)
    # One table free (the other reserved), three slots: three of four meet.
    assert (done.status, done.requests, done.placed) == ("done", 4, 3)
    assert list(done.unplaced.values()) == [Reason.SLOTS_TAKEN.value]
    meetings = B2BMeeting.objects.filter(event=meet.event).order_by("starts_at")
    assert [m.table for m in meetings] == ["1", "1", "1"]
    assert [slot_id_of(m.starts_at)[-5:] for m in meetings] == ["10:00", "10:30", "11:00"]
    assert {m.status for m in meetings} == {B2BMeeting.Status.CONFIRMED}
    problem, _ = problem_of(meet)
    assert problem.pinned == {}
    assert done.progress  # the solver reported at least once


def test_a_rerun_keeps_pinned_meetings_where_they_are(meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    first = accepted(meet, buyer, *firm_at(meet, "Seller A", "seller"))
    run(meet)
    placement = Placement.objects.get(request=first)
    placement.pinned = True
    placement.save()
    pinned_at = placement.meeting.starts_at
    accepted(meet, buyer, *firm_at(meet, "Seller B", "seller"))
    second = run(meet)
    assert second.placed == 2
    placement.refresh_from_db()
    assert placement.meeting.starts_at == pinned_at
    assert B2BMeeting.objects.filter(event=meet.event).count() == 2


def test_availability_is_respected_and_an_impossible_request_says_why(meet):
    buyer, buyer_registration = firm_at(meet, "Gulf Traders", "buyer")
    seller_user, seller = firm_at(meet, "Seller A", "seller")
    day = meet.event.start_date.isoformat()
    Availability.objects.create(
        registration=buyer_registration, away=[f"{day}T10:00", f"{day}T10:30"]
    )
    Availability.objects.create(registration=seller, away=[f"{day}T11:00"])
    accepted(meet, buyer, seller_user, seller)
    done = run(meet)
    assert done.placed == 0
    assert list(done.unplaced.values()) == [Reason.NO_COMMON_SLOT.value]


def test_the_problem_of_a_meet_passes_the_validator_once_solved(meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    for n in range(3):
        accepted(meet, buyer, *firm_at(meet, f"Seller {n}", "seller"))
    run(meet)
    # The meetings written, read back as a schedule of the meet's problem.
    problem, _ = problem_of(meet)
    schedule = [
        Assignment(p.request_id, slot_id_of(p.meeting.starts_at), int(p.meeting.table))
        for p in Placement.objects.select_related("meeting")
    ]
    assert len(schedule) == 3
    assert validate(problem, schedule) == []
