"""The rules of registering for a meet: who may, the places, the waiting list.

Every change of a registration's status goes through here, in one
transaction that first locks the event's registration settings: changes for
one meet queue on that row, so that counting the places taken and taking one
are one step, and no meet is ever over its places, however many register at
the same moment. A refused request raises `Refused` before writing anything.

Each status change is mailed to the participant, in their language, once the
transaction commits (portal.mail).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.mail import send_later

from .models import FirmMembership, Participant, Registration, RegistrationSettings

Status = Registration.Status

# The mail each status sends (templates/mail/registration/<name>).
MAILS = {
    Status.RECEIVED: "registration/received",
    Status.APPROVED: "registration/approved",
    Status.REJECTED: "registration/rejected",
    Status.WAITLISTED: "registration/waitlisted",
    Status.OFFERED: "registration/offered",
}
REMIND_DAYS_BEFORE = 2


class Refused(Exception):
    """A request the rules refuse; its message is for the participant or official."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def settings_of(event):
    """The event's registration settings, or None if it takes no registrations."""
    return RegistrationSettings.objects.filter(event_id=event.pk).first()


def is_open(reg_settings, now=None):
    now = now or timezone.now()
    event = reg_settings.event
    return (
        event.status == Event.Status.PUBLISHED
        and event.schedule != Event.Schedule.CANCELLED
        and (reg_settings.opens_at is None or reg_settings.opens_at <= now)
        and now < reg_settings.closes_at
    )


def places_left(reg_settings):
    """{kind: places not taken} for each kind the meet has places for; one query."""
    taken = dict(
        Registration.objects.filter(event_id=reg_settings.event_id)
        .holding_places()
        .values_list("kind")
        .annotate(n=Count("pk"))
    )
    return {
        kind: max(reg_settings.places(kind) - taken.get(kind, 0), 0) for kind in reg_settings.kinds
    }


def firm_of(user):
    """The organisation the user acts for with an approved membership, or None."""
    membership = (
        FirmMembership.objects.select_related("organisation")
        .filter(user_id=user.pk, status=FirmMembership.Status.APPROVED)
        .first()
    )
    return membership.organisation if membership else None


def eligibility_problems(reg_settings, organisation, kind):
    """What the firm lacks to register as `kind`, as messages; empty if nothing."""
    problems = []
    if kind == Registration.Kind.SELLER:
        if reg_settings.sellers_need_iec and not organisation.iec:
            problems.append(
                _("Sellers must have an IEC: add your firm's IEC to its profile first.")
            )
        if reg_settings.sellers_need_udyam and not organisation.udyam_number:
            problems.append(
                _("Sellers must have a Udyam registration: add its number to your firm's profile.")
            )
    return problems


def _locked_settings(event_id):
    # The settings' row only, not the event's it is read with: an official
    # saving the event first and its settings next would otherwise wait for
    # us while we wait for them.
    return (
        RegistrationSettings.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(event_id=event_id)
    )


def _has_place(reg_settings, kind):
    taken = (
        Registration.objects.filter(event_id=reg_settings.event_id, kind=kind)
        .holding_places()
        .count()
    )
    return taken < reg_settings.places(kind)


@transaction.atomic
def register(user, event, organisation, kind, answers=None, document=None, now=None):
    """Register the user's firm for the event as `kind`: received (or approved
    at once, where organisers do not approve each) while places are left,
    else on the waiting list."""
    reg_settings = RegistrationSettings.objects.filter(event_id=event.pk).first()
    if reg_settings is None:
        raise Refused(_("This event takes no registrations on the portal."))
    reg_settings = _locked_settings(event.pk)
    if not is_open(reg_settings, now):
        raise Refused(_("Registration for this event is not open."))
    if firm_of(user) != organisation:
        raise Refused(_("You can register only the firm you act for."))
    if kind not in reg_settings.kinds:
        raise Refused(_("This event has no places for this kind of participant."))
    problems = eligibility_problems(reg_settings, organisation, kind)
    if problems:
        raise Refused(problems[0])
    if reg_settings.document_required and not document:
        raise Refused(
            _("Attach the document this event asks for: %(document)s.")
            % {"document": reg_settings.document_required}
        )
    if Registration.objects.filter(event=event, organisation=organisation).active().exists():
        raise Refused(_("Your firm is registered for this event already."))
    if not _has_place(reg_settings, kind):
        status = Status.WAITLISTED
    elif reg_settings.approval_required:
        status = Status.RECEIVED
    else:
        status = Status.APPROVED
    registration = Registration(
        event=event,
        organisation=organisation,
        user=user,
        kind=kind,
        status=status,
        answers=answers or {},
    )
    if document:
        registration.document = document
    registration.save()
    notify(registration)
    return registration


@transaction.atomic
def decide(registration, status, reason=""):
    """An organiser's answer: approve a received registration, or reject one with a reason."""
    reg_settings = _locked_settings(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if status == Status.APPROVED:
        if registration.status == Status.WAITLISTED:
            if not _has_place(reg_settings, registration.kind):
                raise Refused(_("No place is free for this kind of participant."))
        elif registration.status != Status.RECEIVED:
            raise Refused(_("Only a received or waiting registration can be approved."))
    elif status == Status.REJECTED:
        if registration.ended:
            raise Refused(_("This registration is closed already."))
        if not reason.strip():
            raise Refused(_("Give the participant a reason for the rejection."))
    else:
        raise ValueError(status)
    freed = registration.holds_place and status == Status.REJECTED
    _set_status(registration, status, reason=reason.strip())
    if freed:
        offer_next(reg_settings, registration.kind)
    return registration


@transaction.atomic
def cancel(registration):
    """The participant withdraws; a place it held goes to the first who waits."""
    reg_settings = _locked_settings(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.ended:
        raise Refused(_("This registration is closed already."))
    freed = registration.holds_place
    _set_status(registration, Status.CANCELLED)
    if freed:
        offer_next(reg_settings, registration.kind)
    return registration


@transaction.atomic
def accept_offer(registration, now=None):
    """The participant takes the place offered: received (or approved) as if just registered."""
    reg_settings = _locked_settings(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    now = now or timezone.now()
    if registration.status != Status.OFFERED or registration.offered_until < now:
        raise Refused(_("This place is no longer offered to you."))
    status = Status.RECEIVED if reg_settings.approval_required else Status.APPROVED
    _set_status(registration, status, offered_until=None)
    return registration


def offer_next(reg_settings, kind, now=None):
    """Offer each free place of `kind` to the first on the waiting list.

    Called within the transaction that freed the place, settings locked.
    """
    now = now or timezone.now()
    waiting = Registration.objects.filter(
        event_id=reg_settings.event_id, kind=kind, status=Status.WAITLISTED
    ).order_by("created_at", "pk")
    for registration in waiting:
        if not _has_place(reg_settings, kind):
            break
        until = now + datetime.timedelta(hours=reg_settings.offer_hours)
        _set_status(registration, Status.OFFERED, offered_until=until)


def lapse_offers(now=None):
    """Cancel offers not taken up in time and offer their places on (the worker's beat)."""
    now = now or timezone.now()
    lapsed = Registration.objects.filter(status=Status.OFFERED, offered_until__lt=now)
    for event_id, kind in lapsed.values_list("event_id", "kind").distinct():
        with transaction.atomic():
            reg_settings = _locked_settings(event_id)
            for registration in lapsed.select_for_update().filter(event_id=event_id, kind=kind):
                _set_status(
                    registration, Status.CANCELLED, reason=_("The offered place was not taken up.")
                )
            offer_next(reg_settings, kind, now)


def remind(today=None):
    """Mail those approved for a meet that starts in REMIND_DAYS_BEFORE days, once."""
    today = today or timezone.localdate()
    due = Registration.objects.filter(
        status=Status.APPROVED,
        reminded=False,
        user__isnull=False,
        event__status=Event.Status.PUBLISHED,
        event__start_date=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    ).exclude(event__schedule=Event.Schedule.CANCELLED)
    count = 0
    for registration in due.select_related("event", "organisation", "user"):
        with transaction.atomic():
            mail(registration, "registration/reminder")
            Registration.objects.filter(pk=registration.pk).update(reminded=True)
        count += 1
    return count


def _set_status(registration, status, **fields):
    registration.status = status
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.save()
    notify(registration)


def notify(registration):
    if registration.status in MAILS:
        mail(registration, MAILS[registration.status])


def mail(registration, template_name):
    """Mail the participant who registered, in their language; no one if anonymised."""
    user = registration.user
    if user is None:
        return
    participant = Participant.objects.filter(user_id=user.pk).first()
    lang = participant.language if participant else settings.LANGUAGE_CODE
    with translation.override(lang):
        links = {
            "meets_url": settings.PORTAL_URL + reverse("meets:meets"),
            "event_url": settings.PORTAL_URL + registration.event.get_absolute_url(),
        }
    send_later(
        template_name,
        user.email,
        {"registration": registration, "event": registration.event, **links},
        lang,
    )
