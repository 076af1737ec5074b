"""The meet's day: firms checked in at the desk from their agenda's code, and
each meeting marked held or a no-show by its table's host."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from events.models import B2BMeeting
from participants.models import Registration
from participants.registrations import Refused

from .agenda import CHECK_IN_SALT, registration_id
from .models import CheckIn

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
