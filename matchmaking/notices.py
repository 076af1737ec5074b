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
        .select_related(
            "meeting__event",
            "request__requester__user",
            "request__recipient__user",
            "request__requester__organisation",
            "request__recipient__organisation",
        )
    )
    languages = dict(Participant.objects.values_list("user_id", "language"))
    for placement in waiting:
        request = placement.request
        for mine, other in (
            (request.requester, request.recipient),
            (request.recipient, request.requester),
        ):
            if mine.user is None:
                continue
            lang = languages.get(mine.user_id, settings.LANGUAGE_CODE)
            with translation.override(lang):
                agenda = settings.PORTAL_URL + reverse("meets:b2b-agenda", args=[event.slug])
            send_later(
                "b2b/meeting",
                mine.user.email,
                {"meeting": placement.meeting, "other": other.organisation, "agenda": agenda},
                lang,
            )
    Placement.objects.filter(pk__in=[p.pk for p in waiting]).update(notified=True)
    return len(waiting)
