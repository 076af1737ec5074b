"""Whatever a visitor or a program puts in the query string, the public pages
answer without a server error and never echo it as markup.

Hypothesis sends the lists, feeds and API every kind of value: text in all
scripts, bidirectional and zero-width marks, control characters (NUL
included, which PostgreSQL refuses in a string), huge and negative numbers,
SQL and HTML fragments, very long strings, bytes that are not UTF-8,
repeated and unknown parameters.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes

import icalendar
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event, EventOrganiser
from tests.admin_forms import event_form, inline_rows
from tests.factories import (
    EventFactory,
    ListedEventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "hi", "mr", "fa"]
ATOM = "{http://www.w3.org/2005/Atom}"

# The requests only read: the rows and the client made once for a test
# serve all of its examples, so the function-scoped fixtures are meant.
# How many examples: the profile's (tests/conftest.py).
EXAMPLES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

# Markup a value could smuggle into a page: a script, an event handler, an image.
FRAGMENTS = [
    "<script>alert(1)</script>",
    '"onmouseover="alert(1)',
    "'><img src=x onerror=alert(1)>",
    "</textarea><svg/onload=alert(1)>",
]
# An event page's schema.org data: JSON, checked as such.
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


class SmuggledMarkup(HTMLParser):
    """The elements and attributes of a page that only an unescaped fragment could make."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.found.append(tag)
        if tag == "img" and attrs.get("src") == "x":
            self.found.append(tag)
        self.found += [name for name in attrs if name.startswith("on")]


ODD_VALUES = [
    "\x00",
    "ramp\x00",
    "2025-11-01\x00",
    "\x01\x07\x1b[31m\x7f",
    "\r\nSet-Cookie: x=1",
    "\u200f",  # right-to-left mark
    "\u202epune",  # right-to-left override
    "\u200d",  # zero-width joiner
    "می\u200cشود",  # Persian with its zero-width non-joiner
    "ॲग्री",
    "क्\u200dष",  # Hindi with a zero-width joiner
    "\ufeff",
    "' OR '1'='1",
    "1; DROP TABLE events_event; --",
    "%",
    "_",
    "\\",
    "-1",
    "0",
    "-0",
    "99999999999999999999999999",
    "9" * 5000,
    "1e309",
    "NaN",
    "Infinity",
    "٣",
    "३",
    "۱۴۰۴",
    "²",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2025-01-01",
    *FRAGMENTS,
]

# Values the filters know, so that bad values also come mixed with good ones.
GOOD_VALUES = {
    "q": ["pune", "meet", "मेळावा"],
    "kind": ["buyer_seller_meet", "workshop"],
    "scheme": ["ramp"],
    "sector": ["leather"],
    "country": ["IN", "IR"],
    "region": ["pune", "maharashtra"],
    "target_country": ["IQ"],
    "organiser": ["mssidc"],
    "date_from": ["2025-01-01"],
    "date_to": ["2030-12-31"],
    "when": ["upcoming", "past", "all"],
    "sort": ["date", "-date", "title"],
    "page": ["1", "2"],
    "lang": LANGUAGES,
    "year": ["2025", "2026"],
    "party": ["mssidc"],
    "status": ["signed", "under_implementation"],
}

EVENT_PARAMETERS = [
    "q",
    "kind",
    "scheme",
    "sector",
    "country",
    "region",
    "target_country",
    "organiser",
    "date_from",
    "date_to",
    "when",
    "sort",
    "page",
]
ORGANISATION_PARAMETERS = ["q", "kind", "country", "region", "sector", "page"]
MOU_PARAMETERS = ["year", "party", "sector", "status", "page"]

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


def value_for(name):
    """Bytes to send as the value of `name`: mostly odd, sometimes good, now and then not UTF-8."""
    texts = st.one_of(
        st.sampled_from(ODD_VALUES),
        st.sampled_from(GOOD_VALUES.get(name, ["x"])),
        any_text,
        st.integers().map(str),
        st.builds(lambda text, n: text * n, any_text.filter(bool), st.integers(50, 500)),
        st.builds(
            lambda before, fragment, after: before + fragment + after,
            any_text,
            st.sampled_from(FRAGMENTS),
            any_text,
        ),
    )
    return st.one_of(texts.map(str.encode), st.binary(max_size=20))


# Browsers percent-encode a query; other clients send some characters as they are.
RAW_PUNCTUATION = "<>\"'`(){}[]|\\^/:;,!$*@~"


def query_strings(parameters):
    """A query string of known and unknown parameters, some repeated."""
    names = st.one_of(st.sampled_from(parameters), any_text.filter(bool)).map(str.encode)
    pair = names.flatmap(lambda name: st.tuples(st.just(name), value_for(name.decode())))
    return st.builds(
        lambda pairs, safe: "&".join(
            f"{quote_from_bytes(name, safe)}={quote_from_bytes(value, safe)}"
            for name, value in pairs
        ),
        st.lists(pair, max_size=8),
        st.sampled_from(["", RAW_PUNCTUATION]),
    )


def get(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query)
    # A page past the end, or a page number out of range, is the only 404.
    assert response.status_code in (200, 404), (path, query, response.status_code)
    return response


def assert_no_markup_echoed(response):
    assert SmuggledMarkup(response.content.decode()).found == []


@pytest.fixture
def published():
    """Published events with every relation the list shows, an MoU, a draft."""
    pune_meet = ListedEventFactory(title_en='Pune <meet> & "greet"', title_mr="पुणे मेळावा")
    ListedEventFactory(
        start_date=datetime.date(2025, 11, 6),
        end_date=datetime.date(2025, 11, 7),
        title_fa="همایش فرصت‌های سرمایه‌گذاری",
    )
    EventFactory(start_date=None, end_date=None, title_en="Arak conference")
    EventFactory(status=Event.Status.DRAFT)
    # The sector GOOD_VALUES names (the factories' scheme is "ramp" already).
    pune_meet.sectors.add(SectorFactory(slug="leather"))
    mssidc = OrganisationFactory(slug="mssidc")
    EventOrganiser.objects.create(event=pune_meet, organisation=mssidc)
    mou = MoUFactory(event=pune_meet, signed_on=datetime.date(2025, 11, 7))
    MoUPartyFactory(mou=mou, organisation=mssidc)
    MoUPartyFactory(mou=mou)
    return pune_meet


@EXAMPLES
@given(lang=st.sampled_from(LANGUAGES), query=query_strings(EVENT_PARAMETERS))
def test_the_event_list_takes_any_query(client, published, lang, query):
    response = get(client, f"/{lang}/events/", query)
    assert_no_markup_echoed(response)


@EXAMPLES
@given(lang=st.sampled_from(LANGUAGES), query=query_strings(ORGANISATION_PARAMETERS))
def test_the_organisation_list_takes_any_query(client, published, lang, query):
    response = get(client, f"/{lang}/organisations/", query)
    assert_no_markup_echoed(response)


@EXAMPLES
@given(lang=st.sampled_from(LANGUAGES), query=query_strings(MOU_PARAMETERS))
def test_the_mou_register_takes_any_query(client, published, lang, query):
    response = get(client, f"/{lang}/mous/", query)
    assert_no_markup_echoed(response)


@EXAMPLES
@given(lang=st.sampled_from(LANGUAGES), query=query_strings(EVENT_PARAMETERS))
def test_the_atom_feed_stays_well_formed(client, published, lang, query):
    response = get(client, f"/{lang}/events/feed/", query)
    assert response.status_code == 200
    ET.fromstring(response.content)


@EXAMPLES
@given(lang=st.sampled_from(LANGUAGES), query=query_strings(EVENT_PARAMETERS))
def test_the_calendar_stays_readable(client, published, lang, query):
    response = get(client, f"/{lang}/events/calendar.ics", query)
    assert response.status_code == 200
    icalendar.Calendar.from_ical(response.content)


@EXAMPLES
@given(query=query_strings([*EVENT_PARAMETERS, "lang"]))
def test_the_api_stays_valid_json(client, published, query):
    response = get(client, "/api/events/", query)
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    if response.status_code == 200:
        assert isinstance(data["results"], list)


# What an official can type or paste into a title or venue: anything but
# NUL, which the forms refuse (and PostgreSQL cannot store), up to the
# fields' 300 characters.
stored_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=60),
    st.sampled_from([value[:300] for value in ODD_VALUES if "\x00" not in value]),
).map(str.strip)


# Each example writes an event and reads six pages: fewer of them.
@settings(EXAMPLES, max_examples=settings().max_examples // 2)
@given(title=stored_text.filter(bool), text=stored_text)
def test_any_stored_text_is_shown_on_every_public_page(client, title, text):
    # The examples share the test's transaction: each looks at its own event alone.
    Event.objects.all().delete()
    event = ListedEventFactory(
        title_en=title, description_en=text, venue_en=text, start_date=datetime.date(2026, 12, 10)
    )
    for path in ("/en/events/", f"/en/events/{event.slug}/", "/fa/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_markup_echoed(response)
    # The schema.org data ends where it should, whatever the title holds.
    (json_ld,) = JSON_LD.findall(client.get(f"/en/events/{event.slug}/").content.decode())
    assert json.loads(json_ld)["name"] == title
    feed = client.get("/en/events/feed/")
    assert feed.status_code == 200
    ET.fromstring(feed.content)
    for path in ("/en/events/calendar.ics", f"/en/events/{event.slug}/event.ics"):
        response = client.get(path)
        assert response.status_code == 200, path
        icalendar.Calendar.from_ical(response.content)
    api = client.get("/api/events/", {"when": "all"})
    assert api.status_code == 200
    assert event.slug in {shown["slug"] for shown in json.loads(api.content)["results"]}


def test_a_title_pasted_with_a_vertical_tab_keeps_the_feed_readable(client):
    # Found by the test above: a word processor's manual line break (U+000B)
    # made the Atom feed a server error.
    ListedEventFactory(title_en="Agri export\x0bmeet", description_en="Pune\x0b2026")
    response = client.get("/en/events/feed/")
    assert response.status_code == 200
    entry = ET.fromstring(response.content).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Agri exportmeet"


# Text whose joiners are part of the spelling: ॲ is a letter of its own in
# Marathi, می‌شود needs its zero-width non-joiner, and क्‍ष with a
# zero-width joiner is a half-form of क, not the conjunct क्ष.
JOINED_TEXT = {
    "mr": "ॲग्री निर्यात मेळावा",
    "fa": "همایش صادراتی که برگزار می\u200cشود",
    "hi": "क्\u200dष निर्यात सम्मेलन",
}


def test_text_with_joiners_is_shown_back_as_typed(admin_client, client):
    organiser = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:events_event_add"),
        event_form(
            title_en="Agri export meet",
            **{f"title_{lang}": text for lang, text in JOINED_TEXT.items()},
            **{f"venue_{lang}": text for lang, text in JOINED_TEXT.items()},
            status=Event.Status.PUBLISHED,
            start_date="2026-12-10",
            **inline_rows(
                "organiser_links",
                [
                    {
                        "organisation": organiser.pk,
                        "role": EventOrganiser.Role.ORGANISER,
                        "order": 0,
                    }
                ],
            ),
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()

    for lang, text in JOINED_TEXT.items():
        assert getattr(event, f"title_{lang}") == text
        page = client.get(f"/{lang}/events/{event.slug}/").content.decode()
        assert f'<h1 lang="{lang}" dir="auto">{text}</h1>' in page
        assert f'<span lang="{lang}">{text}</span>' in page
        (shown,) = client.get("/api/events/", {"lang": lang}).json()["results"]
        assert (shown["title"], shown["venue"]) == (text, text)
