"""The back-office refuses the impossible B2B meetings it once saved (issue 15,
point 1): each on the field to change, in the official's language, and
nothing written; and the event page's figures count only what can be."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import B2BMeeting
from orgs.models import Organisation
from tests.factories import (
    B2BMeetingFactory,
    EventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_b2bmeeting_add")


@pytest.fixture
def pune():
    """The Pune meet of 6–7 November 2025, with a meeting at table T-12 at 11:00."""
    event = EventFactory(start_date=datetime.date(2025, 11, 6), end_date=datetime.date(2025, 11, 7))
    buyers = OrganisationFactory.create_batch(2, kind=Organisation.Kind.FOREIGN_BUYER)
    sellers = OrganisationFactory.create_batch(2, kind=Organisation.Kind.MSME)
    first = B2BMeetingFactory(
        event=event,
        buyer=buyers[0],
        seller=sellers[0],
        starts_at=timezone.make_aware(datetime.datetime(2025, 11, 6, 11, 0)),
        table="T-12",
    )
    return event, buyers, sellers, first


def meeting_form(event, buyer, seller, day="2025-11-06", time="11:00", **fields):
    return {
        "event": event.pk,
        "buyer": buyer.pk,
        "seller": seller.pk,
        "starts_at_0": day,
        "starts_at_1": time,
        "ends_at_0": "",
        "ends_at_1": "",
        "table": "",
        "status": "confirmed",
        "outcome": "none",
        **fields,
    }


def refused(admin_client, data):
    before = B2BMeeting.objects.count()
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert B2BMeeting.objects.count() == before
    return response.context["adminform"].form.errors


def test_a_table_given_to_two_pairs_at_once(admin_client, pune):
    event, buyers, sellers, _first = pune
    errors = refused(admin_client, meeting_form(event, buyers[1], sellers[1], table="T-12"))
    assert errors["table"] == ["This table already has a meeting at this time."]


def test_a_buyer_booked_at_1110_while_in_a_meeting_from_1100(admin_client, pune):
    event, buyers, sellers, _first = pune
    admin_client.cookies["django_language"] = "mr"
    errors = refused(admin_client, meeting_form(event, buyers[0], sellers[1], time="11:10"))
    assert errors["buyer"] == ["या वेळी या खरेदीदाराची आधीच एक बैठक आहे."]


def test_a_meeting_outside_the_events_days(admin_client, pune):
    event, buyers, sellers, _first = pune
    errors = refused(admin_client, meeting_form(event, buyers[1], sellers[1], day="2024-01-01"))
    assert errors["starts_at"] == [
        "The meeting must fall within the event's days (6–7 November 2025)."
    ]


def test_a_persian_official_reads_the_events_days_in_the_solar_hijri_calendar(admin_client, pune):
    event, buyers, sellers, _first = pune
    admin_client.cookies["django_language"] = "fa"
    errors = refused(admin_client, meeting_form(event, buyers[1], sellers[1], day="2024-01-01"))
    assert errors["starts_at"] == ["ملاقات باید در روزهای رویداد (۱۵–۱۶ آبان ۱۴۰۴) باشد."]


def test_a_ministry_as_buyer(admin_client, pune):
    event, _buyers, sellers, _first = pune
    ministry = OrganisationFactory(name_en="Ministry of MSME", kind=Organisation.Kind.GOVERNMENT)
    errors = refused(admin_client, meeting_form(event, ministry, sellers[1], time="15:00"))
    assert errors["buyer"] == ["A Ministry / department does not buy at this event's B2B meetings."]


def test_an_mou_that_neither_firm_signed(admin_client, pune):
    event, buyers, sellers, _first = pune
    mou = MoUFactory(event=event)
    MoUPartyFactory.create_batch(2, mou=mou)
    data = meeting_form(event, buyers[1], sellers[1], time="15:00", outcome="mou", mou=mou.pk)
    errors = refused(admin_client, data)
    assert errors["mou"] == ["The buyer and the seller must both be parties to the MoU."]


def test_what_an_event_says_about_its_meetings_is_kept(admin_client, pune):
    """A meet where ministries meet ministries: its own kinds, and 30-minute meetings."""
    event, *_rest = pune
    event.meeting_buyer_kinds = event.meeting_seller_kinds = [Organisation.Kind.GOVERNMENT]
    event.meeting_minutes = 30
    event.save()
    ministries = OrganisationFactory.create_batch(2, kind=Organisation.Kind.GOVERNMENT)
    response = admin_client.post(ADD, meeting_form(event, *ministries, time="15:00"))
    assert response.status_code == 302
    meeting = B2BMeeting.objects.get(buyer=ministries[0])
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(minutes=30)
