"""A firm's agenda at a meet: its placed meetings in time order, and the
signed codes of its calendar subscription and of its check-in."""

from django.core import signing
from django.db.models import Q

from .models import Placement

AGENDA_SALT = "matchmaking.agenda"
CHECK_IN_SALT = "matchmaking.check-in"


def agenda(registration):
    """The placements of the firm's accepted requests at its meet, first meeting first."""
    return (
        Placement.objects.filter(
            Q(request__requester=registration) | Q(request__recipient=registration),
            request__status="accepted",
        )
        .select_related(
            "meeting",
            "request__requester__organisation__country",
            "request__recipient__organisation__country",
            "request__requester__user",
            "request__recipient__user",
        )
        .order_by("meeting__starts_at", "pk")
    )


def other_side(placement, registration):
    """The registration of the firm the meeting is with."""
    request = placement.request
    return request.recipient if request.requester_id == registration.pk else request.requester


def agenda_token(registration):
    """The code in the address of the firm's calendar: a calendar app has no login."""
    return signing.dumps(registration.pk, salt=AGENDA_SALT)


def check_in_code(registration):
    """What the agenda's QR code holds: the registration, signed, so it cannot be made up."""
    return signing.dumps(registration.pk, salt=CHECK_IN_SALT)


def registration_id(code, salt):
    """The registration id a code of `salt` holds, or None if it was not made here."""
    try:
        return int(signing.loads(code.strip(), salt=salt))
    except (signing.BadSignature, TypeError, ValueError):
        return None
