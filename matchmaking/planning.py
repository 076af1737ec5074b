"""From a meet's records to the scheduler's Problem, and from its Result to
B2B meetings (events.B2BMeeting), the same rows the registers, reports and
figures read.

A re-run keeps every pinned or already mailed meeting where it is (the
Problem's `pinned`), and places the others anew.
"""

from django.db import transaction
from django.utils import timezone

from events import summaries
from events.models import B2BMeeting
from participants.models import Registration
from portal import progress

from .models import MeetingRequest, Placement
from .problem import Firm, Problem, Request, Side, Table
from .requests import taking_part
from .slots import slots


def slot_id_of(moment):
    """The id of the slot starting at `moment` (matchmaking.slots)."""
    return timezone.localtime(moment).replace(tzinfo=None).isoformat(timespec="minutes")


def problem_of(settings):
    """The Problem of the meet whose matchmaking settings are `settings`, and its timed slots."""
    timed = slots(settings)
    slot_ids = [timed_slot.id for timed_slot in timed]
    participants = list(taking_part(settings.event).select_related("availability"))
    firms = [
        Firm(
            id=registration.pk,
            side=Side.BUYER if registration.kind == Registration.Kind.BUYER else Side.SELLER,
            max_meetings=settings.max_meetings,
            available=frozenset(slot_ids) - frozenset(away_slots(registration)),
        )
        for registration in participants
    ]
    kind = {registration.pk: registration.kind for registration in participants}
    accepted = MeetingRequest.objects.filter(
        event=settings.event,
        status=MeetingRequest.Status.ACCEPTED,
        requester__in=kind,
        recipient__in=kind,
    ).select_related("placement__meeting")
    requests, pinned = [], {}
    for meeting_request in accepted:
        buyer, seller = meeting_request.requester_id, meeting_request.recipient_id
        if kind[buyer] != Registration.Kind.BUYER:
            buyer, seller = seller, buyer
        requests.append(Request(meeting_request.pk, buyer, seller, meeting_request.priority))
        placement = getattr(meeting_request, "placement", None)
        if placement is not None and placement.kept:
            pinned[meeting_request.pk] = (
                slot_id_of(placement.meeting.starts_at),
                int(placement.meeting.table),
            )
    tables = [
        Table(number, reserved=number in settings.reserved_tables)
        for number in range(1, settings.tables + 1)
    ]
    problem = Problem([timed_slot.slot for timed_slot in timed], tables, firms, requests, pinned)
    return problem, timed


def away_slots(registration):
    try:
        return registration.availability.away
    except Registration.availability.RelatedObjectDoesNotExist:
        return []


@transaction.atomic
def apply(settings, problem, timed, result):
    """Write the schedule: the placements not kept are replaced by the result's.

    In one batch of the statistics' summaries (events.summaries), rewritten
    once at the end rather than at each meeting.
    """
    with summaries.batch():
        _replace(settings, problem, timed, result)


def _replace(settings, problem, timed, result):
    when = {timed_slot.id: timed_slot for timed_slot in timed}
    old = Placement.objects.filter(request__event=settings.event, pinned=False, notified=False)
    B2BMeeting.objects.filter(placement__in=old).delete()  # their placements go with them
    organisation = dict(
        Registration.objects.filter(event=settings.event).values_list("pk", "organisation_id")
    )
    for assignment in result.assignments:
        if assignment.request in problem.pinned:
            continue
        request = problem.request[assignment.request]
        slot = when[assignment.slot]
        meeting = B2BMeeting.objects.create(
            event=settings.event,
            buyer_id=organisation[request.buyer],
            seller_id=organisation[request.seller],
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            table=str(assignment.table),
            status=B2BMeeting.Status.CONFIRMED,
        )
        Placement.objects.create(request_id=request.id, meeting=meeting)


def schedule(run, solve):
    """Run `solve` (scheduler.solve, or another with its signature) for the
    meet of SchedulerRun `run`, reporting progress on the run, and write the result."""
    settings = run.event.matchmaking_settings
    problem, timed = problem_of(settings)
    run.status, run.started_at = run.Status.RUNNING, timezone.now()
    run.requests = len(problem.requests)
    run.save()

    latest = {}

    def report_progress(report):
        # Called from the solver's own thread: kept in the cache, where the
        # organiser's page reads it, not written to the database from there.
        latest.update(report)
        progress.publish(run, report, timeout=run.time_limit + 600)

    result = solve(problem, time_limit=run.time_limit, progress=report_progress)
    run.progress = latest
    apply(settings, problem, timed, result)
    run.status, run.finished_at = run.Status.DONE, timezone.now()
    run.placed = len(result.assignments)
    run.objective, run.bound = result.objective, result.bound
    run.unplaced = {str(request): reason.value for request, reason in result.unplaced.items()}
    run.save()
    return result
