"""Booking a slot by the firms themselves, where a meet lets them
(MatchmakingSettings.Mode.SELF_BOOKING) rather than run the scheduler.

Either firm of an accepted request books one of the slots both are free
in, at a free table; the meet's settings row is locked first, so two
bookings at the same moment cannot take the same table or firm twice.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from events.models import B2BMeeting
from participants.registrations import Refused, firm_of

from .models import MatchmakingSettings, MeetingRequest, Placement
from .notices import TOLD_WITH, tell
from .planning import away_slots
from .slots import slots

Mode = MatchmakingSettings.Mode


def occupancy(event):
    """What the meet's meetings hold: {(organisation id or "table N", start)}, and
    {organisation id: meetings}, from one query."""
    taken, counts = set(), {}
    rows = B2BMeeting.objects.filter(event=event).exclude(status__in=B2BMeeting.FREED)
    for buyer, seller, table, start in rows.values_list(
        "buyer_id", "seller_id", "table", "starts_at"
    ):
        taken |= {(buyer, start), (seller, start), (f"table {table}", start)}
        for firm in (buyer, seller):
            counts[firm] = counts.get(firm, 0) + 1
    return taken, counts


def free_slots(settings, meeting_request, occupied=None):
    """The slots both firms are free in, with a free table: [(timed slot, table number)].

    `occupied`: the meet's (taken, counts), read once for a page of requests.
    """
    first, second = meeting_request.requester, meeting_request.recipient
    firms = (first.organisation_id, second.organisation_id)
    taken, counts = occupied or occupancy(settings.event)
    if any(counts.get(firm, 0) >= settings.max_meetings for firm in firms):
        return []
    away = set(away_slots(first)) | set(away_slots(second))
    tables = [n for n in range(1, settings.tables + 1) if n not in settings.reserved_tables]
    found = []
    for timed in slots(settings):
        if timed.id in away or any((firm, timed.starts_at) in taken for firm in firms):
            continue
        table = next((n for n in tables if (f"table {n}", timed.starts_at) not in taken), None)
        if table is not None:
            found.append((timed, table))
    return found


@transaction.atomic
def book(user, meeting_request, slot_id):
    """One of the two firms books `slot_id` for their accepted request."""
    settings = (
        MatchmakingSettings.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(event_id=meeting_request.event_id)
        .first()
    )
    if settings is None or settings.mode != Mode.SELF_BOOKING:
        raise Refused(_("At this meet the organisers give the slots."))
    meeting_request = MeetingRequest.objects.select_related(
        "requester__organisation", "recipient__organisation"
    ).get(pk=meeting_request.pk)
    if firm_of(user) not in (
        meeting_request.requester.organisation,
        meeting_request.recipient.organisation,
    ):
        raise Refused(_("Only the two firms of a meeting book its slot."))
    if meeting_request.status != MeetingRequest.Status.ACCEPTED:
        raise Refused(_("Only an accepted request gets a slot."))
    if Placement.objects.filter(request=meeting_request).exists():
        raise Refused(_("This meeting has its slot already."))
    chosen = next(
        (
            (timed, table)
            for timed, table in free_slots(settings, meeting_request)
            if timed.id == slot_id
        ),
        None,
    )
    if chosen is None:
        raise Refused(_("This slot is no longer free for both of you: choose another."))
    timed, table = chosen
    buyer, seller = meeting_request.requester, meeting_request.recipient
    if buyer.kind != "buyer":
        buyer, seller = seller, buyer
    meeting = B2BMeeting.objects.create(
        event=settings.event,
        buyer=buyer.organisation,
        seller=seller.organisation,
        starts_at=timed.starts_at,
        ends_at=timed.ends_at,
        table=str(table),
        status=B2BMeeting.Status.CONFIRMED,
    )
    # Both firms told at once: a booked meeting is as told as a notified one.
    placement = Placement.objects.create(request=meeting_request, meeting=meeting, notified=True)
    placement = Placement.objects.select_related(*TOLD_WITH).get(pk=placement.pk)
    transaction.on_commit(lambda: tell(placement))
    return placement
