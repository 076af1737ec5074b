"""Meeting requests at a meet: approved firms ask, the firm asked answers,
and every request the rules refuse writes nothing. The meet's slots."""

import datetime

import pytest
from django.utils import timezone, translation

from matchmaking import requests
from matchmaking.models import MatchmakingSettings, MeetingRequest
from matchmaking.slots import slots
from orgs.models import Organisation
from participants import registrations
from participants.models import Registration
from tests import factories
from tests.participants.helpers import member

pytestmark = pytest.mark.django_db

Refused = registrations.Refused
Status = MeetingRequest.Status


@pytest.fixture
def meet():
    reg_settings = factories.RegistrationSettingsFactory(
        seller_places=5, buyer_places=5, approval_required=False
    )
    return MatchmakingSettings.objects.create(event=reg_settings.event, max_open_requests=2)


def firm_at(meet, email, kind, lang="en"):
    """A firm approved for the meet as `kind`, and the participant acting for it."""
    organisation = factories.OrganisationFactory(
        name_en=email.split("@")[0],
        kind=Organisation.Kind.FOREIGN_BUYER if kind == "buyer" else Organisation.Kind.MSME,
    )
    user = member(email, organisation, lang)
    registration = registrations.register(user, meet.event, organisation, kind)
    assert registration.status == Registration.Status.APPROVED
    return user, registration


def refused(message, change, *args, **kwargs):
    before = list(MeetingRequest.objects.values_list("pk", "status"))
    with pytest.raises(Refused, match=message):
        change(*args, **kwargs)
    assert list(MeetingRequest.objects.values_list("pk", "status")) == before


def test_a_buyer_requests_a_seller_who_accepts(meet):
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    seller, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    asked = requests.request_meeting(
        buyer, meet.event, seller_registration, "  CNC parts for Dubai  ", 3
    )
    assert (asked.status, asked.message, asked.priority) == (
        Status.PENDING,
        "CNC parts for Dubai",
        3,
    )
    requests.answer(seller, asked, accept=True)
    asked.refresh_from_db()
    assert asked.status == Status.ACCEPTED
    assert asked.answered_at is not None


def test_a_decline_needs_a_reason_from_the_list(meet):
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    seller, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    asked = requests.request_meeting(buyer, meet.event, seller_registration)
    with translation.override("mr"):
        refused("नकाराचे कारण", requests.answer, seller, asked, accept=False, reason="rude")
    requests.answer(seller, asked, accept=False, reason="no_capacity")
    asked.refresh_from_db()
    assert (asked.status, asked.decline_reason) == (Status.DECLINED, "no_capacity")


def test_only_the_firm_asked_answers_and_only_once(meet):
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    seller, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    other, _ = firm_at(meet, "anil@satara.example", "seller")
    asked = requests.request_meeting(buyer, meet.event, seller_registration)
    refused("Only the firm asked", requests.answer, other, asked, accept=True)
    refused("Only the firm asked", requests.answer, buyer, asked, accept=True)
    requests.answer(seller, asked, accept=True)
    refused("answered already", requests.answer, seller, asked, accept=False, reason="other")
    refused("answered already", requests.withdraw, buyer, asked)


def test_sellers_may_not_ask_buyers_unless_the_meet_says_both(meet):
    _, buyer_registration = firm_at(meet, "omar@gulf.example", "buyer")
    seller, _ = firm_at(meet, "meera@nashik.example", "seller")
    refused("this kind of firm", requests.request_meeting, seller, meet.event, buyer_registration)
    meet.who_requests = MatchmakingSettings.WhoRequests.BOTH
    meet.save()
    assert requests.request_meeting(seller, meet.event, buyer_registration).status == Status.PENDING


def test_one_live_request_per_pair_either_way(meet):
    meet.who_requests = MatchmakingSettings.WhoRequests.BOTH
    meet.save()
    buyer, buyer_registration = firm_at(meet, "omar@gulf.example", "buyer")
    seller, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    asked = requests.request_meeting(buyer, meet.event, seller_registration)
    refused(
        "already waiting or accepted",
        requests.request_meeting,
        buyer,
        meet.event,
        seller_registration,
    )
    refused(
        "already waiting or accepted",
        requests.request_meeting,
        seller,
        meet.event,
        buyer_registration,
    )
    requests.withdraw(buyer, asked)
    assert requests.request_meeting(seller, meet.event, buyer_registration).status == Status.PENDING


def test_open_requests_are_limited(meet):
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    sellers = [firm_at(meet, f"s{n}@nashik.example", "seller")[1] for n in range(3)]
    requests.request_meeting(buyer, meet.event, sellers[0])
    requests.request_meeting(buyer, meet.event, sellers[1])
    refused("2 requests waiting", requests.request_meeting, buyer, meet.event, sellers[2])


def test_only_approved_firms_of_the_meet_request_and_are_requested(meet):
    buyer, buyer_registration = firm_at(meet, "omar@gulf.example", "buyer")
    _, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    # A firm not at the meet (a forged participant) asks nobody.
    outsider = member("x@elsewhere.example", factories.OrganisationFactory(name_en="Outsider"))
    refused(
        "Only firms approved", requests.request_meeting, outsider, meet.event, seller_registration
    )
    # A firm registered for another meet is not requested at this one.
    other_meet = factories.RegistrationSettingsFactory(approval_required=False)
    elsewhere = registrations.register(
        member("y@elsewhere.example", factories.OrganisationFactory(name_en="Elsewhere")),
        other_meet.event,
        Organisation.objects.get(name_en="Elsewhere"),
        "seller",
    )
    refused("does not take part", requests.request_meeting, buyer, meet.event, elsewhere)
    # Nor one whose registration was cancelled.
    registrations.cancel(seller_registration)
    seller_registration.refresh_from_db()
    refused("does not take part", requests.request_meeting, buyer, meet.event, seller_registration)
    refused("with itself", requests.request_meeting, buyer, meet.event, buyer_registration)


def test_requests_keep_to_their_window(meet):
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    _, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    meet.requests_close = timezone.now() - datetime.timedelta(minutes=1)
    meet.save()
    refused("not open", requests.request_meeting, buyer, meet.event, seller_registration)


def test_the_organisers_match_a_buyer_and_a_seller(meet):
    meet.who_requests = MatchmakingSettings.WhoRequests.ORGANISER
    meet.save()
    buyer, buyer_registration = firm_at(meet, "omar@gulf.example", "buyer")
    _, seller_registration = firm_at(meet, "meera@nashik.example", "seller")
    refused("this kind of firm", requests.request_meeting, buyer, meet.event, seller_registration)
    match = requests.organiser_match(buyer_registration, seller_registration, priority=3)
    assert (match.status, match.by_organiser) == (Status.ACCEPTED, True)
    refused(
        "Match a buyer with a seller",
        requests.organiser_match,
        seller_registration,
        buyer_registration,
    )


def test_the_meets_slots_skip_the_breaks(meet):
    meet.day_starts, meet.day_ends = datetime.time(10), datetime.time(12)
    meet.slot_minutes = 30
    meet.breaks = [["11:00", "11:15"]]
    meet.save()
    event = meet.event
    found = slots(meet)
    day_one = event.start_date.isoformat()
    assert [s.id for s in found if s.slot.day == 0] == [
        f"{day_one}T10:00",
        f"{day_one}T10:30",
        f"{day_one}T11:15",
    ]
    # Two days of three slots, numbered on within each day across the break.
    assert [(s.slot.day, s.slot.position) for s in found] == [
        (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2),
    ]  # fmt: skip
    assert found[0].starts_at.tzinfo is not None
    assert found[0].ends_at - found[0].starts_at == datetime.timedelta(minutes=30)


def test_a_firm_sending_many_requests_in_an_hour_is_stopped(meet, monkeypatch):
    monkeypatch.setattr(requests, "REQUESTS_PER_HOUR", 2)
    meet.max_open_requests = 10
    meet.save()
    buyer, _ = firm_at(meet, "omar@gulf.example", "buyer")
    sellers = [firm_at(meet, f"s{n}@nashik.example", "seller")[1] for n in range(3)]
    now = timezone.now()
    requests.request_meeting(buyer, meet.event, sellers[0], now=now)
    requests.request_meeting(buyer, meet.event, sellers[1], now=now)
    refused(
        "many requests in the last hour",
        requests.request_meeting,
        buyer,
        meet.event,
        sellers[2],
        now=now,
    )
    # The next hour, the firm may again.
    later = now + datetime.timedelta(hours=1)
    assert (
        requests.request_meeting(buyer, meet.event, sellers[2], now=later).status == Status.PENDING
    )
