"""A draft is visible to nobody outside the back-office: not on any page, in
search, feeds, calendars, the sitemap, the API or the figures."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "hi", "mr", "fa"]
TITLES = {
    "title_en": "Confidential Ratnagiri mango export meet",
    "title_mr": "गोपनीय रत्नागिरी आंबा निर्यात परिषद",
    "title_hi": "गोपनीय रत्नागिरी आम निर्यात सम्मेलन",
    "title_fa": "همایش محرمانه صادرات انبه",
}


@pytest.fixture
def draft(db):
    event = factories.ListedEventFactory(status=Event.Status.DRAFT, participants=987654, **TITLES)
    mou = factories.MoUFactory(title_en="Confidential mango MoU", event=event)
    factories.MoUPartyFactory(mou=mou, organisation=event.organisers.get())
    factories.B2BMeetingFactory(event=event)
    return event


def public_outputs(event):
    """Every public address, in every language, that could show an event."""
    organiser = event.organisers.get()
    urls = ["/sitemap.xml", reverse("api-events"), reverse("api-events") + "?when=all"]
    for lang in LANGUAGES:
        with translation.override(lang):
            urls += [
                reverse("events:home"),
                reverse("events:list"),
                reverse("events:list") + "?when=all",
                reverse("events:list") + "?when=all&q=Ratnagiri",
                reverse("events:list") + "?when=all&q=" + TITLES["title_mr"].split()[1],
                reverse("events:list") + "?when=all&q=انبه",
                reverse("events:mous"),
                reverse("events:stats"),
                reverse("events:calendar_ics") + "?when=all",
                reverse("events:feed"),
                organiser.get_absolute_url(),
            ]
    return urls


def shown_anywhere(client, event):
    found = []
    for url in public_outputs(event):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode()
        if event.slug in text or "Confidential" in text or "987654" in text:
            found.append(url)
    for name in ("events:detail", "events:event_ics"):
        for lang in LANGUAGES:
            with translation.override(lang):
                response = client.get(reverse(name, kwargs={"slug": event.slug}))
            if response.status_code != 404:
                found.append(response.request["PATH_INFO"])
    return found


def test_a_draft_appears_in_no_public_output(client, draft):
    assert shown_anywhere(client, draft) == []


def test_once_published_it_appears_everywhere(client, draft):
    draft.status = Event.Status.PUBLISHED
    draft.save()
    shown = shown_anywhere(client, draft)
    assert "/sitemap.xml" in shown
    assert any("q=Ratnagiri" in url for url in shown)
    assert any(url.endswith("/event.ics") for url in shown)
