import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import B2BMeeting, Event, EventRole
from tests.factories import B2BMeetingFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db

PUNE = "/{}/events/international-buyer-seller-meet-pune-2025/"
ARAK = "/{}/events/markazi-investment-export-conference/"


def test_the_pune_meet_shows_its_figures_people_and_schemes(client, demo):
    html = client.get(PUNE.format("en")).content.decode()
    assert "6–7 November 2025" in html
    assert "more than 500" in html  # B2B meetings, as reported
    assert "41" in html and "16" in html and "32" in html
    assert "Narendra Jeena" in html and "Chief guest" in html
    assert "RAMP" in html
    assert "Maharashtra Small Scale Industries Development Corporation" in html
    assert "openstreetmap.org/search" in html  # a map link for the venue
    assert "This event has taken place." in html
    assert "Registration is closed." in html


def test_the_marathi_page_reads_as_the_report_did(client, demo):
    html = client.get(PUNE.format("mr")).content.decode()
    assert "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद" in html
    assert "६–७ नोव्हेंबर, २०२५" in html
    assert "<dd>५०० हून अधिक</dd>" in html  # "more than 500", number first in Marathi
    assert "नरेंद्र जीना" in html


def test_the_persian_page_is_right_to_left_with_solar_hijri_dates(client, demo):
    html = client.get(PUNE.format("fa")).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "۱۵–۱۶ آبان ۱۴۰۴" in html
    assert "۶ نوامبر ۲۰۲۵" in html  # the Gregorian date beside it


def test_dates_to_be_announced_are_said_so(client, demo):
    html = client.get(ARAK.format("en")).content.decode()
    assert "Dates to be announced" in html
    for market in ("Iraq", "Afghanistan", "Uzbekistan", "Armenia"):
        assert market in html


def test_a_missing_translation_is_shown_in_english_and_said_so(client, demo):
    # The Lucknow review meeting was reported in Hindi and English only.
    html = client.get("/mr/events/up-msme-review-meeting-lucknow-2024/").content.decode()
    assert 'lang="en"' in html
    assert "Uttar Pradesh" in html


def test_schema_org_event_data(client, demo):
    html = client.get(PUNE.format("en")).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2025-11-06" and data["endDate"] == "2025-11-07"
    assert data["location"]["address"]["addressCountry"] == "IN"


def test_registration_is_offered_until_the_deadline(client):
    soon = timezone.localdate() + datetime.timedelta(days=20)
    event = EventFactory(
        start_date=soon,
        registration_url="https://example.org/register",
        registration_deadline=soon - datetime.timedelta(days=5),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "https://example.org/register" in html
    assert "Registration is closed." not in html


def test_meeting_figures_come_from_the_meeting_records(client):
    event = EventFactory()
    B2BMeetingFactory(event=event, status=B2BMeeting.Status.HELD, outcome="order")
    B2BMeetingFactory(event=event, status=B2BMeeting.Status.CANCELLED)
    response = client.get(event.get_absolute_url())
    assert response.context["meetings"]["booked"] == 1
    assert response.context["meetings"]["held"] == 1
    assert response.context["meetings"]["orders"] == 1


def test_people_contacts_never_reach_the_page(client):
    event = EventFactory()
    person = PersonFactory(email="private.officer@example.gov.in", phone="+91 98200 00000")
    EventRole.objects.create(event=event, person=person, role="speaker")
    html = client.get(event.get_absolute_url()).content.decode()
    assert person.name_en in html
    assert "private.officer@example.gov.in" not in html and "98200" not in html


def test_a_draft_is_not_found(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_detail_page_queries_do_not_grow_with_people_and_meetings(client):
    event = EventFactory()

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(event.get_absolute_url()).status_code == 200
        return len(ctx)

    def add(n):
        for i in range(n):
            EventRole.objects.create(event=event, person=PersonFactory(), role="attended", order=i)
            B2BMeetingFactory(event=event)

    add(5)
    with_5 = queries()
    add(45)
    assert queries() == with_5
