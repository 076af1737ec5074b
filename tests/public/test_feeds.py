import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.factories import EventFactory, ListedEventFactory, SchemeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, lang="en", **params):
    response = client.get(f"/{lang}/events/feed/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(feed):
    """The feed's entries by title."""
    return {entry.find(f"{ATOM}title").text: entry for entry in feed.iter(f"{ATOM}entry")}


def test_published_events_link_to_their_pages(client):
    event = EventFactory(title_en="Pune meet")
    EventFactory(title_en="Draft meet", status=Event.Status.DRAFT)
    feed = entries(atom(client))
    assert list(feed) == ["Pune meet"]
    link = feed["Pune meet"].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/en/events/{event.slug}/"


def test_entries_are_dated_by_their_last_update(client):
    event = EventFactory(title_en="Pune meet")
    updated = entries(atom(client))["Pune meet"].find(f"{ATOM}updated").text
    assert datetime.datetime.fromisoformat(updated) == event.updated_at


def test_the_list_filters_apply_and_stay_in_the_feed_links(client):
    EventFactory(title_en="IGNITE-2026", kind=Event.Kind.WORKSHOP)
    EventFactory(title_en="Pune meet")
    feed = atom(client, kind="workshop")
    assert list(entries(feed)) == ["IGNITE-2026"]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/en/events/?kind=workshop",
        "self": "http://testserver/en/events/feed/?kind=workshop",
    }


def test_an_event_without_dates_is_announced_as_such(client):
    EventFactory(title_en="Arak conference", start_date=None, end_date=None, city_en="Arak")
    summary = entries(atom(client))["Arak conference"].find(f"{ATOM}summary").text
    assert "Dates to be announced · Arak, India" in summary


def test_entries_read_in_the_page_language(client):
    event = EventFactory(title_mr="पुणे आंतरराष्ट्रीय परिषद", start_date=datetime.date(2025, 11, 6))
    event.schemes.add(SchemeFactory(acronym="RAMP"))
    feed = atom(client, "mr", when="all")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "mr"
    entry = entries(feed)["पुणे आंतरराष्ट्रीय परिषद"]
    assert "६–७ नोव्हेंबर, २०२५" in entry.find(f"{ATOM}summary").text
    categories = [category.get("term") for category in entry.findall(f"{ATOM}category")]
    assert categories == ["खरेदीदार-विक्रेता परिषद", "RAMP"]


def test_the_feed_costs_the_same_queries_for_5_and_50_events(client):
    counts = []
    for batch in (5, 45):
        ListedEventFactory.create_batch(batch)
        with CaptureQueriesContext(connection) as queries:
            assert len(entries(atom(client))) == len(counts) * 45 + 5
        counts.append(len(queries))
    assert counts[0] == counts[1]
