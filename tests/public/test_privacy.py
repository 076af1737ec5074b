"""A person's email and phone are for the organisers: no public page, feed or API shows them."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from events.models import EventRole
from portal import l10n
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    EventRoleFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EMAIL = "narendra.jeena.private@example.org"
PHONE = "+91 98220 55501"

# The pages under a language prefix, each as a function of the records below.
# The lists ask for every event, past and upcoming, and search by the person's name.
PAGES = {
    "home": lambda r: reverse("events:home"),
    "event list": lambda r: reverse("events:list") + "?when=all",
    "event search": lambda r: reverse("events:list") + "?when=all&q=Jeena",
    "event": lambda r: r.upcoming.get_absolute_url(),
    "past event": lambda r: r.past.get_absolute_url(),
    "event.ics": lambda r: reverse("events:event_ics", args=[r.upcoming.slug]),
    "calendar.ics": lambda r: reverse("events:calendar_ics") + "?when=all",
    "atom feed": lambda r: reverse("events:feed") + "?when=all",
    "organisation list": lambda r: reverse("orgs:list"),
    "organisation": lambda r: r.organisation.get_absolute_url(),
    "mou register": lambda r: reverse("events:mous"),
    "stats": lambda r: reverse("events:stats"),
    "accessibility": lambda r: reverse("pages:accessibility"),
    "contact": lambda r: reverse("pages:contact"),
}
# One address whatever the language; the API takes the language as ?lang=.
UNPREFIXED = {
    "sitemap.xml": lambda lang: reverse("sitemap"),
    "api": lambda lang: reverse("api-events") + f"?when=all&lang={lang}",
}


@pytest.fixture
def records():
    """Narendra Jeena, with a private email and phone, at a past and an upcoming meet."""
    mssidc = OrganisationFactory(
        name_en="Maharashtra Small Scale Industries Development Corporation"
    )
    jeena = PersonFactory(
        name_en="Narendra Jeena",
        name_hi="नरेंद्र जीना",
        name_mr="नरेंद्र जीना",
        name_fa="نارندرا جینا",
        organisation=mssidc,
        email=EMAIL,
        phone=PHONE,
    )
    today = timezone.localdate()
    past = EventFactory(start_date=today - datetime.timedelta(days=60), participants=300)
    upcoming = EventFactory()
    for event in (past, upcoming):
        EventOrganiserFactory(event=event, organisation=mssidc)
        session = SessionFactory(event=event, title_en="Export guidance")
        EventRoleFactory(event=event, person=jeena, role=EventRole.Role.CHIEF_GUEST)
        EventRoleFactory(
            event=event, person=jeena, session=session, role=EventRole.Role.SPEAKER, topic_en="RAMP"
        )
    mou = MoUFactory(event=past, signed_on=past.start_date)
    MoUPartyFactory(mou=mou, organisation=mssidc)
    MoUPartyFactory(mou=mou)
    return SimpleNamespace(person=jeena, organisation=mssidc, past=past, upcoming=upcoming)


def public_outputs(records):
    """(what, address) of every public output, in every language it has."""
    for lang in LANGUAGES:
        with translation.override(lang):
            for name, address in PAGES.items():
                yield f"{name} ({lang})", address(records)
        for name, address in UNPREFIXED.items():
            yield f"{name} ({lang})", address(lang)


def private_forms(lang):
    """The email and phone as a leak might write them: as typed, digits only, local digits."""
    return {EMAIL, PHONE, PHONE.replace(" ", ""), l10n.digits(PHONE, lang), EMAIL.split("@")[0]}


def test_no_public_output_shows_a_persons_email_or_phone(client, records):
    leaks = []
    for what, address in public_outputs(records):
        response = client.get(address)
        assert response.status_code == 200, what
        # iCalendar folds long lines ("\r\n "): a folded email must still be found.
        text = response.content.decode().replace("\r\n ", "")
        lang = what.rsplit("(", 1)[1].rstrip(")")
        leaks += [(what, form) for form in private_forms(lang) if form in text]
    assert leaks == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_person_is_shown_by_name_and_post_only(client, records, lang):
    """The pages do show the person, so the test above looks where a leak would be."""
    with translation.override(lang):
        name = records.person.name
        pages = [records.upcoming.get_absolute_url(), records.organisation.get_absolute_url()]
    for address in pages:
        html = client.get(address).content.decode()
        assert name in html
        assert "Deputy Director, RAMP division" in html
