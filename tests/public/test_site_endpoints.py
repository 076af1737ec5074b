import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client):
    """Each <url> of the sitemap by its address: (lastmod, {hreflang: address})."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {}
    for url in ET.fromstring(response.content).iter(f"{SITEMAP}url"):
        lastmod = url.find(f"{SITEMAP}lastmod")
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        urls[url.find(f"{SITEMAP}loc").text] = (lastmod is not None and lastmod.text, alternates)
    return urls


def test_the_sitemap_lists_every_public_page_in_every_language(client):
    event = EventFactory()
    organisation = OrganisationFactory()
    urls = sitemap(client)
    pages = [
        "/",
        "/events/",
        f"/events/{event.slug}/",
        "/mous/",
        "/stats/",
        "/organisations/",
        f"/organisations/{organisation.slug}/",
        "/accessibility/",
        "/contact/",
    ]
    assert set(urls) == {
        f"http://testserver/{lang}{page}" for lang in ("en", "hi", "mr", "fa") for page in pages
    }
    _lastmod, alternates = urls[f"http://testserver/hi/events/{event.slug}/"]
    assert alternates == {
        "en": f"http://testserver/en/events/{event.slug}/",
        "hi": f"http://testserver/hi/events/{event.slug}/",
        "mr": f"http://testserver/mr/events/{event.slug}/",
        "fa": f"http://testserver/fa/events/{event.slug}/",
        # Without a language prefix the visitor is sent to their own language.
        "x-default": f"http://testserver/events/{event.slug}/",
    }


def test_an_event_page_was_last_modified_when_the_event_was(client):
    event = EventFactory()
    lastmod, _alternates = sitemap(client)[f"http://testserver/en/events/{event.slug}/"]
    assert lastmod == timezone.localdate(event.updated_at).isoformat()


def test_drafts_are_not_in_the_sitemap(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    assert not [url for url in sitemap(client) if draft.slug in url]


def test_robots_txt_keeps_crawlers_out_of_the_back_office_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not [
        line for line in lines if line.startswith("Disallow:") and line != "Disallow: /admin/"
    ]
