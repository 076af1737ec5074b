import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from orgs.models import Person
from public.api import views as api
from tests.factories import DistrictFactory, EventFactory, ListedEventFactory, RegionFactory

pytestmark = pytest.mark.django_db

URL = "/api/events/"
PUNE = "international-buyer-seller-meet-pune-2025"


def get(client, status=200, **params):
    response = client.get(URL, params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def slugs(data):
    return [event["slug"] for event in data["results"]]


def test_the_pune_meet_as_open_data(client, demo):
    (pune,) = [event for event in get(client, when="past")["results"] if event["slug"] == PUNE]
    assert pune["url"] == f"http://testserver/en/events/{PUNE}/"
    assert pune["title"] == "2nd International Buyer-Seller Meet, Pune"
    assert pune["kind"] == {"value": "buyer_seller_meet", "label": "Buyer-seller meet"}
    assert pune["format"] == {"value": "in_person", "label": "In person"}
    assert (pune["start_date"], pune["end_date"], pune["timing"]) == (
        "2025-11-06",
        "2025-11-07",
        "past",
    )
    assert pune["venue"] == "Four Points by Sheraton, Viman Nagar"
    assert pune["city"] == "Pune"
    assert pune["region"] == {"slug": "pune", "name": "Pune"}
    assert pune["country"] == {"code": "IN", "name": "India"}
    assert [scheme["acronym"] for scheme in pune["schemes"]] == ["RAMP"]
    assert pune["organisers"][0] == {
        "slug": "mssidc",
        "name": "Maharashtra Small Scale Industries Development Corporation",
        "role": {"value": "organiser", "label": "Organiser"},
    }
    # "more than 300 MSMEs", as the report says.
    assert pune["figures"]["msmes"] == {"value": 300, "qualifier": "at_least"}
    assert pune["figures"]["foreign_buyers"] == {"value": 41, "qualifier": "exact"}
    assert pune["figures"]["participants"] is None
    assert datetime.datetime.fromisoformat(pune["updated_at"])


def test_the_arak_conference_has_no_dates(client, demo):
    (arak,) = [
        e for e in get(client)["results"] if e["slug"] == "markazi-investment-export-conference"
    ]
    assert (arak["start_date"], arak["end_date"], arak["timing"]) == (None, None, "tba")


def test_lang_picks_the_language_of_the_text_and_links(client, demo):
    data = get(client, lang="mr", when="past")
    (pune,) = [event for event in data["results"] if event["slug"] == PUNE]
    assert pune["title"] == "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
    assert pune["url"] == f"http://testserver/mr/events/{PUNE}/"
    assert pune["region"]["name"] == "पुणे"
    assert pune["kind"]["value"] == "buyer_seller_meet"


def test_an_events_lists_and_choices_in_the_asked_language(client):
    event = ListedEventFactory(kind=Event.Kind.WORKSHOP, format=Event.Format.ONLINE)
    sector = event.sectors.get()
    link = event.organiser_links.get()
    (listed,) = get(client, lang="hi")["results"]
    assert listed["kind"] == {"value": "workshop", "label": "कार्यशाला"}
    assert listed["format"] == {"value": "online", "label": "ऑनलाइन"}
    assert listed["sectors"] == [{"slug": sector.slug, "name": sector.name}]
    assert [country["code"] for country in listed["target_countries"]] == ["IQ"]
    assert listed["organisers"] == [
        {
            "slug": link.organisation.slug,
            "name": link.organisation.name,
            "role": {"value": "co_organiser", "label": "सह-आयोजक"},
        }
    ]


def test_no_contact_details_of_people(client, demo):
    Person.objects.update(email="vikas.pansare@example.in", phone="+91 98200 12345")
    content = client.get(URL, {"when": "all"}).content.decode()
    assert "example.in" not in content
    assert "98200" not in content


def test_drafts_are_never_listed(client):
    EventFactory(title_en="Published meet")
    EventFactory(title_en="Draft meet", status=Event.Status.DRAFT)
    assert [event["title"] for event in get(client, when="all")["results"]] == ["Published meet"]


def test_the_list_filters_apply(client):
    pune = EventFactory(region=DistrictFactory(), kind=Event.Kind.WORKSHOP)
    EventFactory(kind=Event.Kind.WORKSHOP)
    EventFactory(region=RegionFactory(slug="uttar-pradesh", name_en="Uttar Pradesh"))
    # A state takes in its districts' events.
    assert slugs(get(client, region="maharashtra", kind="workshop")) == [pune.slug]


def test_unknown_values_are_ignored_and_named(client):
    event = EventFactory()
    data = get(client, region="nowhere", date_from="yesterday", lang="xx", page="two")
    assert slugs(data) == [event.slug]
    assert sorted(data["ignored"], key=lambda item: item["parameter"]) == [
        {"parameter": "date_from", "value": "yesterday"},
        {"parameter": "lang", "value": "xx"},
        {"parameter": "page", "value": "two"},
        {"parameter": "region", "value": "nowhere"},
    ]


def test_pages(client, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 2)
    EventFactory.create_batch(5)
    first = get(client, kind="buyer_seller_meet")
    assert (first["count"], len(first["results"]), first["previous"]) == (5, 2, None)
    assert first["next"] == "http://testserver/api/events/?kind=buyer_seller_meet&page=2"
    last = get(client, kind="buyer_seller_meet", page=3)
    assert (len(last["results"]), last["next"]) == (1, None)
    assert last["previous"] == "http://testserver/api/events/?kind=buyer_seller_meet&page=2"


def test_a_page_past_the_end_is_a_json_404(client):
    EventFactory()
    assert get(client, status=404, page=999) == {"error": "There is no such page of events."}


def test_the_api_costs_the_same_queries_for_5_and_50_events(client):
    counts = []
    for batch in (5, 45):
        ListedEventFactory.create_batch(batch)
        with CaptureQueriesContext(connection) as queries:
            assert len(get(client)["results"]) == len(counts) * 45 + 5
        counts.append(len(queries))
    assert counts[0] == counts[1]
