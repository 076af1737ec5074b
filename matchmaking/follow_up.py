"""After the meet: both sides of each held meeting say how it went, through a
signed link mailed the day after the meet and again three and six months on.

What they say feeds the meeting's outcome (events.B2BMeeting.outcome, the
furthest either side reports), which the registers, reports and figures read.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from events.models import B2BMeeting
from participants.models import Participant
from portal.mail import send_later

from .models import FollowUp, Placement

SALT = "matchmaking.follow-up"
# A round is due this many days after the meet's last day.
DAYS_AFTER = {0: 1, 3: 91, 6: 182}
# How each answer reads in the meeting record, furthest last.
OUTCOMES = {
    FollowUp.Outcome.NONE: B2BMeeting.Outcome.NONE,
    FollowUp.Outcome.NEGOTIATING: B2BMeeting.Outcome.FOLLOW_UP,
    FollowUp.Outcome.ORDER: B2BMeeting.Outcome.ORDER,
    FollowUp.Outcome.MOU: B2BMeeting.Outcome.MOU,
}
FURTHEST = list(FollowUp.Outcome.values)


def token(placement, side, months):
    return signing.dumps([placement.pk, side, months], salt=SALT)


def read(value):
    """(placement, side, months) of a follow-up link, or None if it was not made here."""
    try:
        pk, side, months = signing.loads(value, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    placement = (
        Placement.objects.select_related("meeting__event", "meeting__buyer", "meeting__seller")
        .filter(pk=pk)
        .first()
    )
    if placement is None or side not in FollowUp.Side.values or months not in FollowUp.ROUNDS:
        return None
    return placement, side, months


@transaction.atomic
def record(placement, side, months, interest, outcome):
    """Keep one side's answer (a second answer replaces the first) and the meeting's outcome."""
    FollowUp.objects.update_or_create(
        placement=placement,
        side=side,
        months=months,
        defaults={"interest": interest, "outcome": outcome},
    )
    furthest = max(placement.follow_ups.values_list("outcome", flat=True), key=FURTHEST.index)
    meeting = placement.meeting
    meeting.outcome = OUTCOMES[furthest]
    meeting.save(update_fields=["outcome", "updated_at"])


def due(today=None):
    """Mail the follow-up rounds that are due for held meetings, once each; returns how many."""
    today = today or timezone.localdate()
    held = Placement.objects.filter(meeting__status=B2BMeeting.Status.HELD).select_related(
        "meeting__event",
        "request__requester__user",
        "request__recipient__user",
        "request__requester__organisation",
        "request__recipient__organisation",
    )
    sent = 0
    for placement in held:
        event = placement.meeting.event
        last_day = event.end_date or event.start_date or placement.meeting.starts_at.date()
        for months in FollowUp.ROUNDS:
            if months in placement.follow_ups_sent:
                continue
            if today < last_day + datetime.timedelta(days=DAYS_AFTER[months]):
                break
            with transaction.atomic():
                for registration in (placement.request.requester, placement.request.recipient):
                    _mail(placement, registration, months)
                placement.follow_ups_sent = [*placement.follow_ups_sent, months]
                placement.save(update_fields=["follow_ups_sent"])
            sent += 1
    return sent


def _mail(placement, registration, months):
    if registration.user is None:
        return  # the account was deleted
    participant = Participant.objects.filter(user_id=registration.user_id).first()
    lang = participant.language if participant else settings.LANGUAGE_CODE
    side = FollowUp.Side.BUYER if registration.kind == "buyer" else FollowUp.Side.SELLER
    other = (
        placement.request.recipient
        if placement.request.requester_id == registration.pk
        else placement.request.requester
    )
    with translation.override(lang):
        link = settings.PORTAL_URL + reverse("b2b-follow-up", args=[token(placement, side, months)])
    send_later(
        "b2b/follow_up",
        registration.user.email,
        {
            "event": placement.meeting.event,
            "meeting": placement.meeting,
            "other": other.organisation,
            "months": months,
            "link": link,
        },
        lang,
    )
