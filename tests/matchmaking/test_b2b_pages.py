"""A meet's B2B pages for its approved firms: the catalogue with suggested
matches and filters, requests and their answers, contacts once accepted;
everyone else kept out."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchmaking import requests as rules
from matchmaking.agenda import agenda_token
from matchmaking.models import MatchmakingSettings, MeetingRequest
from participants.models import Registration
from tests import factories
from tests.matchmaking.meets import firm_at, scheduled
from tests.report_files import pdf_text

pytestmark = pytest.mark.django_db


def url(meet, lang, tail=""):
    return f"/{lang}/account/meets/{meet.slug}/b2b/{tail}"


def test_only_approved_firms_see_the_catalogue(client, meet):
    reg_settings = meet.registration_settings
    reg_settings.approval_required = True
    reg_settings.save()
    user, waiting = firm_at(meet, "Waiting Works", "seller", "mr")
    assert waiting.status == Registration.Status.RECEIVED
    client.force_login(user)
    response = client.get(url(meet, "mr"))
    assert response.status_code == 403
    assert "या परिषदेसाठी मंजूर फर्मच तिची सूची पाहतात" in response.content.decode()


def test_a_buyer_sees_suggested_sellers_with_the_reason(client, meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer", hs=["84"], country_id="AE")
    firm_at(meet, "Nashik Tools", "seller", hs=["8466"])
    firm_at(meet, "Satara Foods", "seller", hs=["0901"])
    client.force_login(buyer)
    page = client.get(url(meet, "en")).content.decode()
    suggested = page.split('id="suggested"')[1].split('id="catalogue"')[0]
    assert "Nashik Tools" in suggested and "HS codes in common: 8466" in suggested
    assert "Satara Foods" not in suggested
    # Both are in the catalogue; a filter narrows it, a bad value is dropped.
    listing = page.split('id="catalogue"')[1]
    assert "Nashik Tools" in listing and "Satara Foods" in listing
    filtered = client.get(url(meet, "en"), {"hs": "0901"}).content.decode()
    assert "Satara Foods" in filtered and "Nashik Tools" not in filtered.split('id="catalogue"')[1]
    assert client.get(url(meet, "en"), {"hs": "<script>", "kind": "x" * 500}).status_code == 200


def test_a_request_accepted_shows_the_contacts_to_both(client, meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    seller, seller_registration = firm_at(meet, "Nashik Tools", "seller", "mr")
    client.force_login(buyer)
    client.post(
        url(meet, "en", f"request/{seller_registration.pk}/"),
        {"message": "CNC parts", "priority": "3"},
    )
    asked = MeetingRequest.objects.get()
    assert (asked.message, asked.priority) == ("CNC parts", 3)
    assert (
        "nashik.tools@example.in" not in client.get(url(meet, "en", "requests/")).content.decode()
    )
    client.force_login(seller)
    page = client.get(url(meet, "mr", "requests/")).content.decode()
    assert "gulf.traders@example.in" not in page
    client.post(url(meet, "mr", f"requests/{asked.pk}/answer/"), {"accept": ""})
    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.ACCEPTED
    assert "gulf.traders@example.in" in client.get(url(meet, "mr", "requests/")).content.decode()
    client.force_login(buyer)
    assert "nashik.tools@example.in" in client.get(url(meet, "en", "requests/")).content.decode()


def test_a_decline_with_a_reason_and_refusals_in_marathi(client, meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    seller, seller_registration = firm_at(meet, "Nashik Tools", "seller", "mr")
    client.force_login(buyer)
    client.post(url(meet, "en", f"request/{seller_registration.pk}/"), {"priority": "2"})
    asked = MeetingRequest.objects.get()
    client.force_login(seller)
    response = client.post(
        url(meet, "mr", f"requests/{asked.pk}/answer/"),
        {"decline": "", "reason": "bogus"},
        follow=True,
    )
    assert "यादीतून नकाराचे कारण निवडा." in response.content.decode()
    client.post(
        url(meet, "mr", f"requests/{asked.pk}/answer/"), {"decline": "", "reason": "market"}
    )
    asked.refresh_from_db()
    assert (asked.status, asked.decline_reason) == ("declined", "market")


def test_other_firms_requests_and_other_meets_firms_are_out_of_reach(client, meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    _, seller_registration = firm_at(meet, "Nashik Tools", "seller")
    other_buyer, _ = firm_at(meet, "Tabriz Trading", "buyer")
    client.force_login(buyer)
    client.post(url(meet, "en", f"request/{seller_registration.pk}/"), {"priority": "2"})
    asked = MeetingRequest.objects.get()
    client.force_login(other_buyer)
    assert (
        client.post(url(meet, "en", f"requests/{asked.pk}/answer/"), {"accept": ""}).status_code
        == 404
    )
    assert client.post(url(meet, "en", f"requests/{asked.pk}/withdraw/")).status_code == 404
    assert "Gulf Traders" not in client.get(url(meet, "en", "requests/")).content.decode()
    # A firm registered for another meet is not requested through this one.
    other = factories.RegistrationSettingsFactory(approval_required=False).event
    _, elsewhere = firm_at(other, "Elsewhere Exports", "seller")
    assert (
        client.post(url(meet, "en", f"request/{elsewhere.pk}/"), {"priority": "2"}).status_code
        == 404
    )
    asked.refresh_from_db()
    assert asked.status == "pending" and MeetingRequest.objects.count() == 1


def test_the_catalogues_queries_do_not_grow_with_its_firms(client, meet):
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer", hs=["84"])
    client.force_login(buyer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(meet, "en")).status_code == 200
        return len(captured)

    firm_at(meet, "Seller 0", "seller", hs=["8466"])
    few = queries()
    for n in range(1, 6):
        firm_at(meet, f"Seller {n}", "seller", hs=["8466", "8207"])
    assert queries() == few


def test_the_agenda_gives_time_and_table_in_both_zones_and_a_check_in_code(client, meet):
    buyer, _ = scheduled(meet)
    buyer.participant.time_zone = "Asia/Tehran"
    buyer.participant.save()
    client.force_login(buyer)
    page = client.get(url(meet, "fa", "agenda/")).content.decode()
    assert "Nashik Tools" in page
    assert "۱۰:۰۰" in page  # at the meet, India's time, in Persian digits
    assert "۰۸:۰۰" in page  # the same moment in Tehran, two hours behind
    assert "<svg" in page and "nashik.tools@example.in" in page


def test_the_agenda_calendar_is_read_by_its_signed_address_only(client, meet):
    _, registration = scheduled(meet)
    ics = client.get(f"/b2b/agenda/{agenda_token(registration)}.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "BEGIN:VEVENT" in body and "Nashik Tools" in body
    assert "دیدار B2B" in body  # in the buyer's language
    assert client.get("/b2b/agenda/made-up-code.ics").status_code == 404


def test_a_firm_says_when_it_will_be_away_and_a_made_up_slot_is_refused(client, meet):
    buyer, registration = firm_at(meet, "Gulf Traders", "buyer")
    client.force_login(buyer)
    day = meet.start_date.isoformat()
    page = client.get(url(meet, "hi", "availability/")).content.decode()
    assert f'value="{day}T10:00"' in page
    client.post(url(meet, "hi", "availability/"), {"away": [f"{day}T10:00", f"{day}T10:20"]})
    registration.availability.refresh_from_db()
    assert registration.availability.away == [f"{day}T10:00", f"{day}T10:20"]
    refused = client.post(url(meet, "hi", "availability/"), {"away": ["1999-01-01T03:00"]})
    assert refused.status_code == 200 and refused.context["form"].errors
    registration.availability.refresh_from_db()
    assert len(registration.availability.away) == 2


def test_the_agenda_prints_in_the_participants_language(client, meet, tmp_path):
    buyer, _ = scheduled(meet)
    client.force_login(buyer)
    response = client.get(url(meet, "fa", "agenda.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "Nashik Tools" in text and "هند" in text  # the seller's country, in Persian


def test_where_firms_book_their_own_slots_two_cannot_take_the_same(client, meet):
    settings = meet.matchmaking_settings
    settings.mode = MatchmakingSettings.Mode.SELF_BOOKING
    settings.day_starts, settings.day_ends = datetime.time(10), datetime.time(10, 40)
    settings.tables = 1
    settings.save()
    buyer, _ = firm_at(meet, "Gulf Traders", "buyer")
    one, one_registration = firm_at(meet, "Nashik Tools", "seller", "mr")
    two, two_registration = firm_at(meet, "Satara Foods", "seller")
    for user, registration in ((one, one_registration), (two, two_registration)):
        asked = rules.request_meeting(buyer, meet, registration)
        rules.answer(user, asked, accept=True)
    first, second = MeetingRequest.objects.order_by("pk")
    day = meet.start_date.isoformat()
    client.force_login(one)
    page = client.get(url(meet, "mr", "requests/")).content.decode()
    assert f'value="{day}T10:00"' in page and f'value="{day}T10:20"' in page
    client.post(url(meet, "mr", f"requests/{first.pk}/book/"), {"slot": f"{day}T10:00"})
    assert first.placement.meeting.table == "1"
    # The buyer is busy at 10:00 now: the other seller is offered 10:20 only,
    # and a booking of 10:00 made from a page read before is refused.
    client.force_login(two)
    page = client.get(url(meet, "en", "requests/")).content.decode()
    assert f'value="{day}T10:00"' not in page and f'value="{day}T10:20"' in page
    response = client.post(
        url(meet, "en", f"requests/{second.pk}/book/"), {"slot": f"{day}T10:00"}, follow=True
    )
    assert "no longer free for both of you" in response.content.decode()
    assert not hasattr(MeetingRequest.objects.get(pk=second.pk), "placement")
    # The buyer, the meeting's other firm, books the slot that is free.
    client.force_login(buyer)
    assert client.post(url(meet, "en", f"requests/{second.pk}/book/"), {"slot": f"{day}T10:20"})
    assert (
        MeetingRequest.objects.get(pk=second.pk).placement.meeting.seller.name_en == "Satara Foods"
    )
