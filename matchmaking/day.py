"""The meet's day: firms checked in at the desk from their agenda's code,
each meeting marked held or a no-show by its table's host, and a no-show's
table and time given to an accepted request still waiting for a slot."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from events.models import B2BMeeting
from participants.models import Registration
from participants.registrations import Refused

from .agenda import CHECK_IN_SALT, registration_id
from .models import CheckIn, MeetingRequest, Placement
from .notices import TOLD_WITH, tell

MARKS = (B2BMeeting.Status.HELD, B2BMeeting.Status.NO_SHOW)


@transaction.atomic
def check_in(event, code, by=None):
    """Mark the arrival of the firm whose check-in code (or QR) this is.

    Returns the registration and whether it was checked in just now (False:
    it had been already). A code of another meet, or a made-up one, is refused.
    """
    registration = (
        Registration.objects.filter(
            pk=registration_id(code, CHECK_IN_SALT) or 0,
            event=event,
            status=Registration.Status.APPROVED,
        )
        .select_related("organisation")
        .first()
    )
    if registration is None:
        raise Refused(_("This code is not one of this meet's firms."))
    created = CheckIn.objects.get_or_create(registration=registration, defaults={"by": by})[1]
    return registration, created


def mark(event, meeting_id, status):
    """The table's host marks a meeting of the meet held or a no-show."""
    if status not in MARKS:
        raise Refused(_("Mark a meeting held or a no-show."))
    updated = B2BMeeting.objects.filter(pk=meeting_id, event=event).first()
    if updated is None:
        raise Refused(_("This meeting is not one of this meet's."))
    updated.status = status
    updated.save(update_fields=["status", "updated_at"])
    return updated


def fill_options(event, no_shows):
    """{no-show meeting id: the accepted requests not yet placed whose two firms
    are free at its time}, in two queries however many no-shows there are."""
    busy = {}
    rows = B2BMeeting.objects.filter(
        event=event, starts_at__in=[meeting.starts_at for meeting in no_shows]
    ).exclude(status__in=B2BMeeting.FREED)
    for start, buyer, seller in rows.values_list("starts_at", "buyer_id", "seller_id"):
        busy.setdefault(start, set()).update((buyer, seller))
    waiting = list(
        MeetingRequest.objects.filter(
            event=event, status=MeetingRequest.Status.ACCEPTED, placement__isnull=True
        ).select_related("requester__organisation", "recipient__organisation")
    )
    return {
        meeting.pk: [
            request
            for request in waiting
            if not {request.requester.organisation_id, request.recipient.organisation_id}
            & busy.get(meeting.starts_at, set())
        ]
        for meeting in no_shows
    }


@transaction.atomic
def fill(event, meeting_id, request_id):
    """Put an accepted request at the table and time a no-show left free; both firms told."""
    meeting = B2BMeeting.objects.filter(
        pk=meeting_id, event=event, status=B2BMeeting.Status.NO_SHOW
    ).first()
    if meeting is None:
        raise Refused(_("Only a no-show's slot can be filled."))
    chosen = next(
        (r for r in fill_options(event, [meeting])[meeting.pk] if str(r.pk) == str(request_id)),
        None,
    )
    if chosen is None:
        raise Refused(_("These firms cannot meet at that time: choose another request."))
    buyer, seller = chosen.requester, chosen.recipient
    if buyer.kind != Registration.Kind.BUYER:
        buyer, seller = seller, buyer
    filled = B2BMeeting.objects.create(
        event=event,
        buyer=buyer.organisation,
        seller=seller.organisation,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        table=meeting.table,
        status=B2BMeeting.Status.CONFIRMED,
    )
    placement = Placement.objects.create(request=chosen, meeting=filled, notified=True)
    placement = Placement.objects.select_related(*TOLD_WITH).get(pk=placement.pk)
    transaction.on_commit(lambda: tell(placement))
    return filled
