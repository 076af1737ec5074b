"""Registering a firm for a meet: places per kind, the waiting list and its
offers, the organisers' answer, the participant's cancellation, and every
request the rules refuse, with nothing written."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from events.models import Event
from orgs.models import Organisation
from participants import registrations
from participants.models import Registration
from tests import factories
from tests.participants.helpers import member

pytestmark = pytest.mark.django_db

Status = Registration.Status
SELLER, BUYER = Registration.Kind.SELLER, Registration.Kind.BUYER


def firm(name, kind=Organisation.Kind.MSME, **fields):
    return factories.OrganisationFactory(name_en=name, kind=kind, **fields)


def registered(reg_settings, email, kind=SELLER, lang="en", **firm_fields):
    """`email`'s firm registered for the meet of `reg_settings`."""
    organisation = firm(email.split("@")[0], **firm_fields)
    user = member(email, organisation, lang)
    return registrations.register(user, reg_settings.event, organisation, kind)


@pytest.fixture
def meet(django_capture_on_commit_callbacks):
    return factories.RegistrationSettingsFactory(seller_places=2, buyer_places=1)


def statuses(event):
    return list(Registration.objects.filter(event=event).values_list("status", flat=True))


def test_registrations_take_places_then_wait(meet):
    first = registered(meet, "a@example.in")
    second = registered(meet, "b@example.in")
    third = registered(meet, "c@example.in")
    assert [first.status, second.status, third.status] == [
        Status.RECEIVED,
        Status.RECEIVED,
        Status.WAITLISTED,
    ]
    # The buyers' place is theirs alone.
    assert registered(meet, "buyer@example.ir", BUYER).status == Status.RECEIVED
    assert registrations.places_left(meet) == {SELLER: 0, BUYER: 0}


def test_without_approval_a_free_place_is_approved_at_once(meet):
    meet.approval_required = False
    meet.save()
    assert registered(meet, "a@example.in").status == Status.APPROVED


def test_a_freed_place_is_offered_to_the_first_waiting(meet):
    first = registered(meet, "a@example.in")
    registered(meet, "b@example.in")
    waiting = registered(meet, "c@example.in")
    later = registered(meet, "d@example.in")
    registrations.cancel(first)
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert waiting.offered_until > timezone.now() + datetime.timedelta(hours=47)
    assert later.status == Status.WAITLISTED
    registrations.accept_offer(waiting)
    waiting.refresh_from_db()
    assert waiting.status == Status.RECEIVED


def test_an_offer_not_taken_up_goes_to_the_next(meet):
    first = registered(meet, "a@example.in")
    registered(meet, "b@example.in")
    waiting = registered(meet, "c@example.in")
    later = registered(meet, "d@example.in")
    registrations.cancel(first)
    registrations.lapse_offers(now=timezone.now() + datetime.timedelta(hours=49))
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == Status.CANCELLED
    assert later.status == Status.OFFERED
    with pytest.raises(registrations.Refused):
        registrations.accept_offer(waiting)


def test_a_rejection_needs_a_reason_and_frees_the_place(meet):
    first = registered(meet, "a@example.in")
    registered(meet, "b@example.in")
    waiting = registered(meet, "c@example.in")
    with pytest.raises(registrations.Refused):
        registrations.decide(first, Status.REJECTED, reason="  ")
    registrations.decide(first, Status.REJECTED, reason="No IEC on record")
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, first.reason) == (Status.REJECTED, "No IEC on record")
    assert waiting.status == Status.OFFERED


def test_the_waiting_list_is_not_approved_over_the_places(meet):
    registered(meet, "a@example.in")
    registered(meet, "b@example.in")
    waiting = registered(meet, "c@example.in")
    with pytest.raises(registrations.Refused, match="No place is free"):
        registrations.decide(waiting, Status.APPROVED)
    assert statuses(meet.event).count(Status.WAITLISTED) == 1


def test_every_status_change_is_mailed_in_the_participants_language(
    meet, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = registered(meet, "a@example.in", lang="mr")
        registered(meet, "b@example.in")
        registered(meet, "buyer@example.ir", BUYER, lang="fa")
        waiting = registered(meet, "c@example.in", lang="hi")
        registrations.decide(first, Status.REJECTED, reason="कागदपत्र अपूर्ण")
    subjects = {message.to[0]: [] for message in mail.outbox}
    for message in mail.outbox:
        subjects[message.to[0]].append(message.subject)
    title_mr = meet.event.title_mr
    assert subjects["a@example.in"] == [
        f"नोंदणी मिळाली: {title_mr}",
        f"नोंदणी स्वीकारली गेली नाही: {title_mr}",
    ]
    assert subjects["buyer@example.ir"][0].startswith("ثبت‌نام دریافت شد")
    assert [s.split(":")[0] for s in subjects[waiting.user.email]] == [
        "प्रतीक्षा सूची में",
        "आपके लिए एक स्थान खाली है",
    ]
    rejected = next(m for m in mail.outbox if "स्वीकारली" in m.subject)
    assert "कागदपत्र अपूर्ण" in rejected.body
    assert "/mr/account/meets/" in rejected.body


def test_reminders_go_two_days_before_once(meet, django_capture_on_commit_callbacks):
    meet.approval_required = False
    meet.save()
    registered(meet, "a@example.in", lang="mr")
    mail.outbox.clear()
    start = meet.event.start_date
    with django_capture_on_commit_callbacks(execute=True):
        assert registrations.remind(today=start - datetime.timedelta(days=3)) == 0
        assert registrations.remind(today=start - datetime.timedelta(days=2)) == 1
        assert registrations.remind(today=start - datetime.timedelta(days=2)) == 0
    [reminder] = mail.outbox
    assert reminder.subject.startswith("दोन दिवसांत")


# Requests the rules refuse, each with its message and nothing written.


def refused(meet, message, user=None, organisation=None, kind=SELLER, **kwargs):
    before = Registration.objects.count()
    organisation = organisation or firm("Refused")
    user = user or member("refused@example.in", organisation)
    with pytest.raises(registrations.Refused, match=message):
        registrations.register(user, meet.event, organisation, kind, **kwargs)
    assert Registration.objects.count() == before


def test_after_the_deadline(meet):
    meet.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    meet.save()
    refused(meet, "not open")


def test_before_it_opens(meet):
    meet.opens_at = timezone.now() + datetime.timedelta(days=1)
    meet.save()
    refused(meet, "not open")


def test_for_a_draft_or_cancelled_event(meet):
    organisation = firm("Early")
    user = member("early@example.in", organisation)
    Event.objects.filter(pk=meet.event_id).update(status=Event.Status.DRAFT)
    refused(meet, "not open", user, organisation)
    Event.objects.filter(pk=meet.event_id).update(
        status=Event.Status.PUBLISHED, schedule=Event.Schedule.CANCELLED
    )
    refused(meet, "not open", user, organisation)


def test_for_a_firm_the_participant_does_not_act_for(meet):
    user = member("own@example.in", firm("Own firm"))
    refused(meet, "only the firm you act for", user=user, organisation=firm("Another firm"))


def test_for_a_kind_without_places(meet):
    refused(meet, "no places for this kind", kind=Registration.Kind.VISITOR)


def test_without_the_iec_sellers_need(meet):
    meet.sellers_need_iec = True
    meet.save()
    refused(meet, "Sellers must have an IEC")
    # A buyer needs none.
    assert registered(meet, "buyer@example.ir", BUYER).status == Status.RECEIVED


def test_without_the_document_asked_for(meet):
    meet.document_required = "RCMC certificate"
    meet.save()
    refused(meet, "RCMC certificate")


def test_twice_for_the_same_firm(meet):
    first = registered(meet, "a@example.in")
    refused(
        meet, "registered for this event already", user=first.user, organisation=first.organisation
    )
    registrations.cancel(first)
    # Once cancelled, the firm may register again.
    again = registrations.register(first.user, meet.event, first.organisation, SELLER)
    assert again.status == Status.RECEIVED


def test_the_document_is_kept_where_no_page_links_to(meet, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    meet.document_required = "RCMC certificate"
    meet.save()
    organisation = firm("Documented")
    user = member("doc@example.in", organisation)
    pdf = SimpleUploadedFile("rcmc.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    registration = registrations.register(user, meet.event, organisation, SELLER, document=pdf)
    assert (tmp_path / "private" / registration.document.name).exists()
    with pytest.raises(NotImplementedError):
        registration.document.url  # noqa: B018 (no URL: served only to staff)
