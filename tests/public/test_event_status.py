"""An event that does not go ahead as announced (issue 15, point 2): postponed,
rescheduled, cancelled or moved online, said on its page, its card, the list's
filters, the calendar and Atom feeds, the API and its schema.org data; that
data tells an online event's place, its organisers and its language truly."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from tests.factories import EventFactory, EventOrganiserFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)
ATOM = "{http://www.w3.org/2005/Atom}"


def json_ld(client, event, lang="en"):
    html = client.get(f"/{lang}{event.get_absolute_url()[3:]}").content.decode()
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )


def page(client, event, lang):
    return client.get(f"/{lang}{event.get_absolute_url()[3:]}").content.decode()


@pytest.fixture
def rescheduled():
    return EventFactory(
        title_en="International Buyer-Seller Meet, Pune",
        title_fa="همایش بین‌المللی خریداران و فروشندگان، پونه",
        schedule=Event.Schedule.RESCHEDULED,
        start_date=datetime.date(2027, 3, 21),
        end_date=datetime.date(2027, 3, 22),
        previous_start_date=datetime.date(2027, 1, 4),
        previous_end_date=datetime.date(2027, 1, 5),
    )


def test_a_cancelled_meet_says_so_and_offers_no_registration(client):
    event = EventFactory(
        title_mr="आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद, पुणे",
        schedule=Event.Schedule.CANCELLED,
        registration_url="https://example.org/register",
    )
    html = page(client, event, "mr")
    assert "रद्द." in html and "हा कार्यक्रम होणार नाही." in html
    assert "https://example.org/register" not in html
    assert "event.ics" not in html  # no "Add to calendar"
    assert json_ld(client, event)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_rescheduled_meet_gives_its_first_dates_in_the_visitors_calendar(client, rescheduled):
    html = page(client, rescheduled, "fa")
    assert "با زمان‌بندی تازه." in html
    assert "نخست قرار بود در ۱۴–۱۵ دی ۱۴۰۵ برگزار شود." in html
    assert "1–2 فروردین" not in html and "۱–۲ فروردین ۱۴۰۶" in html
    data = json_ld(client, rescheduled)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (data["startDate"], data["previousStartDate"]) == ("2027-03-21", "2027-01-04")


def test_a_postponed_meet_strikes_out_its_dates(client):
    event = EventFactory(schedule=Event.Schedule.POSTPONED, start_date=IN_A_MONTH)
    html = page(client, event, "hi")
    assert "स्थगित." in html and "आयोजक इसकी नई तिथियाँ घोषित करेंगे।" in html
    assert re.search(r"<del><time datetime=\"[-\d]+\">", html)
    assert json_ld(client, event)["eventStatus"] == "https://schema.org/EventPostponed"


def test_dates_to_be_announced_claim_no_status(client):
    event = EventFactory(start_date=None, end_date=None)
    data = json_ld(client, event)
    assert "eventStatus" not in data and "startDate" not in data


def test_a_meet_moved_online_has_a_virtual_location_and_its_link(client):
    event = EventFactory(
        schedule=Event.Schedule.MOVED_ONLINE,
        venue_en="Hotel Orchid",
        online_url="https://meet.example.org/pune-bsm",
    )
    data = json_ld(client, event)
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/pune-bsm",
    }
    html = page(client, event, "en")
    assert 'href="https://meet.example.org/pune-bsm"' in html and "Join online" in html


def test_an_online_workshop_without_a_link_points_to_its_page_and_has_no_empty_place(client):
    event = EventFactory(format=Event.Format.ONLINE, venue_en="", city_en="")
    data = json_ld(client, event)
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["location"]["url"].endswith(event.get_absolute_url())
    assert "organizer" not in data  # none recorded: no empty list


def test_a_hybrid_meet_is_at_its_venue_and_online(client):
    event = EventFactory(format=Event.Format.HYBRID, venue_en="Hotel Orchid", city_en="Pune")
    (place, online) = json_ld(client, event)["location"]
    assert (place["@type"], place["name"], online["@type"]) == (
        "Place",
        "Hotel Orchid",
        "VirtualLocation",
    )


def test_organisers_are_organizations_with_their_page(client):
    event = EventFactory()
    mssidc = OrganisationFactory(name_en="MSSIDC", slug="mssidc")
    EventOrganiserFactory(event=event, organisation=mssidc)
    (organiser,) = json_ld(client, event)["organizer"]
    assert organiser == {
        "@type": "Organization",
        "name": "MSSIDC",
        "url": "http://testserver/en/organisations/mssidc/",
    }


def test_in_language_is_the_language_of_the_title_shown(client):
    # Written in English and Marathi only: the Persian page shows the English title.
    event = EventFactory(title_en="Agri export meet", title_mr="कृषी निर्यात परिषद", title_fa="")
    persian = json_ld(client, event, "fa")
    assert (persian["name"], persian["inLanguage"]) == ("Agri export meet", "en")
    marathi = json_ld(client, event, "mr")
    assert (marathi["name"], marathi["inLanguage"]) == ("कृषी निर्यात परिषद", "mr")


def test_the_heads_language_links_are_absolute(client):
    html = client.get("/hi/events/").content.decode()
    assert '<link rel="alternate" hreflang="mr" href="http://testserver/mr/events/">' in html


def test_the_list_filters_and_marks_the_status(client):
    EventFactory(title_en="Cancelled meet, Nashik", schedule=Event.Schedule.CANCELLED)
    EventFactory(title_en="Export workshop, Satara")
    response = client.get("/en/events/", {"schedule": "cancelled"})
    titles = [event.title for event in response.context["rows"]]
    assert titles == ["Cancelled meet, Nashik"]
    html = response.content.decode()
    assert '<strong class="event-card__schedule">Cancelled</strong>' in html
    counts = {
        choice.value: choice.count for choice in response.context["listing"].facets["schedule"]
    }
    assert counts == {"cancelled": 1, "scheduled": 1}
    assert "Event status" in html
    # A status the list does not know is set aside and said so, never a 500.
    unknown = client.get("/en/events/", {"schedule": "held<script>"})
    assert unknown.status_code == 200 and unknown.context["listing"].ignored


def test_the_calendar_strikes_a_cancelled_meet_and_its_sequence_grows(client):
    event = EventFactory(title_en="Buyer-Seller Meet, Pune", start_date=IN_A_MONTH)

    def entry():
        response = client.get(f"/en/events/{event.slug}/event.ics")
        (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
        return vevent

    before = entry()
    assert (str(before["STATUS"]), int(before["SEQUENCE"])) == ("CONFIRMED", 1)
    event.schedule = Event.Schedule.CANCELLED
    event.save()
    after = entry()
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    feed = Calendar.from_ical(client.get("/en/events/calendar.ics").content)
    assert [str(v["STATUS"]) for v in feed.walk("VEVENT")] == ["CANCELLED"]


def test_the_atom_feed_names_the_status_in_the_feeds_language(client):
    EventFactory(
        title_mr="निर्यात कार्यशाळा, सातारा", schedule=Event.Schedule.POSTPONED, start_date=IN_A_MONTH
    )
    feed = ET.fromstring(client.get("/mr/events/feed/").content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["पुढे ढकलला: निर्यात कार्यशाळा, सातारा"]


def test_the_api_gives_the_status_and_the_first_dates(client, rescheduled):
    record = client.get(f"/api/events/{rescheduled.slug}/", {"lang": "hi"}).json()
    assert record["schedule"] == {"value": "rescheduled", "label": "नई तिथियों पर"}
    assert (record["previous_start_date"], record["previous_end_date"]) == (
        "2027-01-04",
        "2027-01-05",
    )
