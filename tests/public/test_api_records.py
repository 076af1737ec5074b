"""The API's records (/api/events/<slug>/, organisations, MoUs), its lists of
organisations and MoUs, its paging as on the pages, and its OpenAPI schema."""

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from orgs.models import Person
from tests.factories import EventFactory, MoUPartyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PUNE = "international-buyer-seller-meet-pune-2025"


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_an_event_by_its_address(client, demo):
    pune = get(client, f"/api/events/{PUNE}/", lang="mr")
    assert pune["slug"] == PUNE
    assert pune["title"] == "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
    assert pune["url"] == f"http://testserver/mr/events/{PUNE}/"
    assert pune["figures"]["b2b_meetings"] == {"value": 500, "qualifier": "at_least"}
    assert "<" not in pune["description"]


def test_a_draft_or_unknown_event_is_a_json_404(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    for slug in (draft.slug, "no-such-meet"):
        error = get(client, f"/api/events/{slug}/", status=404, lang="hi")
        assert error == {"error": "इस पते पर कोई प्रकाशित कार्यक्रम नहीं है।"}


def test_an_organisation_by_its_address_without_its_peoples_contacts(client, demo):
    Person.objects.update(email="vikas.pansare@example.in", phone="+91 98200 12345")
    mssidc = get(client, "/api/organisations/mssidc/")
    assert mssidc["acronym"] == "MSSIDC"
    assert mssidc["kind"] == {"value": "state_corporation", "label": "State corporation"}
    assert mssidc["url"] == "http://testserver/en/organisations/mssidc/"
    content = client.get("/api/organisations/", {"q": "mssidc"}).content.decode()
    assert "example.in" not in content and "98200" not in content


def test_the_directory_takes_its_pages_filters(client, demo):
    data = get(client, "/api/organisations/", kind="export_council", country="nowhere")
    assert data["count"] == len(data["results"]) > 0
    assert {org["kind"]["value"] for org in data["results"]} == {"export_council"}
    assert data["ignored"] == [{"parameter": "country", "value": "nowhere"}]


def test_the_mou_register_and_an_mou(client, demo):
    data = get(client, "/api/mous/", lang="mr")
    (ignite,) = data["results"]
    assert len(ignite["parties"]) == 3
    assert ignite["event"]["url"].startswith("http://testserver/mr/events/")
    mou = get(client, f"/api/mous/{ignite['slug']}/")
    assert mou["status"]["value"] == "signed" and mou["activities"]


def test_an_mou_signed_at_a_draft_event_is_not_there(client):
    party = MoUPartyFactory(mou__event=EventFactory(status=Event.Status.DRAFT))
    assert get(client, "/api/mous/")["results"] == []
    get(client, f"/api/mous/{party.mou.slug}/", status=404)


@pytest.mark.parametrize("page", ["0", "۰", "two"])
def test_a_page_that_is_no_page_number_shows_the_first_as_on_the_pages(client, page):
    """Page 0 was a 404 in the API and the first page in HTML (issue 15, point 9)."""
    event = EventFactory()
    data = get(client, "/api/events/", page=page)
    assert [e["slug"] for e in data["results"]] == [event.slug]
    assert data["ignored"] == [{"parameter": "page", "value": page}]


@pytest.mark.parametrize("url", ["/api/organisations/", "/api/mous/"])
def test_lists_cost_the_same_queries_for_5_and_50_rows(client, url):
    counts = []
    for batch in (5, 45):
        MoUPartyFactory.create_batch(batch, organisation=OrganisationFactory())
        with CaptureQueriesContext(connection) as queries:
            get(client, url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_openapi_schema_describes_every_endpoint(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/events/",
        "/api/events/{slug}/",
        "/api/organisations/",
        "/api/organisations/{slug}/",
        "/api/mous/",
        "/api/mous/{slug}/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/events/"]["get"]["parameters"]}
    assert {"lang", "page", "q", "region", "scheme", "when", "date_from"} <= parameters
