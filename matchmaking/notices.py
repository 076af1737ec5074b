"""Telling both firms of each scheduled meeting its time and table, in their
languages, once the organisers are content with the schedule; a meeting
told is kept by later runs of the scheduler (Placement.notified)."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from participants.models import Participant
from portal.mail import send_later

from .models import Placement


@transaction.atomic
def notify(event):
    """Mail each firm of each meeting of the meet not yet told; returns how many meetings."""
    waiting = list(
        Placement.objects.filter(request__event=event, notified=False)
        .select_for_update(of=("self",))
        .select_related(*TOLD_WITH)
    )
    for placement in waiting:
        tell(placement)
    Placement.objects.filter(pk__in=[p.pk for p in waiting]).update(notified=True)
    return len(waiting)


TOLD_WITH = (
    "meeting__event",
    "request__requester__user",
    "request__recipient__user",
    "request__requester__organisation",
    "request__recipient__organisation",
)


def tell(placement, changed=False):
    """Mail both firms of a placed meeting its time and table, each in its language."""
    request = placement.request
    event = placement.meeting.event
    for mine, other in (
        (request.requester, request.recipient),
        (request.recipient, request.requester),
    ):
        if mine.user is None:
            continue  # the account was deleted
        participant = Participant.objects.filter(user_id=mine.user_id).first()
        lang = participant.language if participant else settings.LANGUAGE_CODE
        with translation.override(lang):
            agenda = settings.PORTAL_URL + reverse("meets:b2b-agenda", args=[event.slug])
        send_later(
            "b2b/meeting",
            mine.user.email,
            {
                "meeting": placement.meeting,
                "other": other.organisation,
                "agenda": agenda,
                "changed": changed,
            },
            lang,
        )
