"""Persian visitors filter the event list by dates in their own calendar:
Solar Hijri dates with Persian or Latin digits, read as the Gregorian days
they are; Gregorian dates keep working on every page; the filters survive
pagination and a change of language, each language writing the same days
in its own calendar."""

import datetime
import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# Nowruz 1405 (1 Farvardin) is 21 March 2026; 31 Farvardin is 20 April.
NOWRUZ_1405 = datetime.date(2026, 3, 21)
FARVARDIN_31 = datetime.date(2026, 4, 20)
FARVARDIN = {"date_from": "۱۴۰۵-۰۱-۰۱", "date_to": "۱۴۰۵-۰۱-۳۱"}
FARVARDIN_GREGORIAN = {"date_from": "2026-03-21", "date_to": "2026-04-20"}
ONE = datetime.timedelta(days=1)


@pytest.fixture
def around_nowruz():
    """A meet ending the day before Nowruz 1405, one on Nowruz, one in Farvardin, one after."""
    return {
        "esfand": EventFactory(
            slug="esfand-meet", start_date=datetime.date(2026, 3, 19), end_date=NOWRUZ_1405 - ONE
        ),
        "nowruz": EventFactory(slug="nowruz-meet", start_date=NOWRUZ_1405, end_date=None),
        "farvardin": EventFactory(slug="farvardin-meet", start_date=datetime.date(2026, 4, 20)),
        "ordibehesht": EventFactory(slug="ordibehesht-meet", start_date=FARVARDIN_31 + ONE),
    }


def listed(response):
    assert response.status_code == 200
    return {event.slug for event in response.context["rows"]}


def test_a_persian_visitor_filters_by_solar_hijri_dates(client, around_nowruz):
    """The observation: `/fa/events/?date_from=۱۴۰۵-۰۱-۰۱` was refused as an unknown value."""
    response = client.get("/fa/events/", FARVARDIN)
    assert response.context["listing"].ignored == []
    assert listed(response) == {"nowruz-meet", "farvardin-meet"}


@pytest.mark.parametrize(
    "date_from",
    [
        "۱۴۰۵-۰۱-۰۱",
        "1405-01-01",
        "۱۴۰۵/۱/۱",
        "1405/1/1",
        "١٤٠٥-٠١-٠١",  # Arabic-Indic digits, as some Persian keyboards type them
        "\u200f۱۴۰۵-۰۱-۰۱ ",  # pasted from right-to-left text, with its direction mark
        "2026-03-21",
        "۲۰۲۶-۰۳-۲۱",
        "2026/3/21",
    ],
)
@pytest.mark.parametrize("lang", ["fa", "en", "hi", "mr"])
def test_either_calendar_any_digits_on_every_page(client, around_nowruz, lang, date_from):
    # A year from 1700 is Gregorian, an earlier one Solar Hijri, on every page:
    # a link means the same days whichever language opens it.
    response = client.get(f"/{lang}/events/", {"date_from": date_from, "date_to": "2026-04-20"})
    assert response.context["listing"].ignored == []
    assert listed(response) == {"nowruz-meet", "farvardin-meet"}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fa", "از تاریخ: «۱۴۰۴-۱۲-۳۰» مقدار شناخته‌شده‌ای نیست، بنابراین نادیده گرفته شد."),
        ("en", "From: “۱۴۰۴-۱۲-۳۰” is not a value we know, so it was ignored."),
    ],
)
def test_a_day_that_does_not_exist_is_named_and_ignored(client, around_nowruz, lang, expected):
    # Esfand 1404 has 29 days (1404 is no leap year).
    response = client.get(f"/{lang}/events/", {"date_from": "۱۴۰۴-۱۲-۳۰", "when": "all"})
    assert [name for name, *_ in response.context["listing"].filterset.ignored] == ["date_from"]
    assert expected in unescape(response.content.decode())
    assert listed(response) == {event.slug for event in around_nowruz.values()}


def language_link(html, lang):
    """The language switch's link to `lang`."""
    (href,) = re.findall(rf'<li><a href="([^"]*)" hreflang="{lang}"', html)
    return unescape(href)


def query(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_a_persian_filter_url_round_trips(client):
    # More meets in Farvardin 1405 than a page holds, and one after it.
    for day in range(25):
        EventFactory(start_date=NOWRUZ_1405 + datetime.timedelta(days=day), end_date=None)
    EventFactory(slug="after", start_date=FARVARDIN_31 + ONE)

    first = client.get("/fa/events/", FARVARDIN)
    html = first.content.decode()
    assert first.context["listing"].count == 25
    # The inputs show the dates as typed, and name their format.
    assert 'value="۱۴۰۵-۰۱-۰۱"' in html and 'value="۱۴۰۵-۰۱-۳۱"' in html
    assert 'aria-describedby="date-format-hint"' in html
    # Every facet counts within the dates: 25 buyer-seller meets.
    assert [choice.count for choice in first.context["listing"].facets["kind"]] == [25]

    # The next page keeps the dates as typed.
    (next_page,) = re.findall(r'<a rel="next" href="([^"]*)"', html)
    assert query(unescape(next_page)) == {**FARVARDIN, "page": "2"}
    second = client.get("/fa/events/" + unescape(next_page))
    assert len(second.context["rows"]) == 5
    assert not set(listed(first)) & set(listed(second))

    # The language links carry the same days, each in its language's calendar.
    for lang in ("en", "hi", "mr"):
        link = language_link(html, lang)
        assert urlsplit(link).path == f"/{lang}/events/"
        assert query(link) == FARVARDIN_GREGORIAN
        head_link = f"http://testserver{link}"  # absolute, as search engines need it
        assert f'<link rel="alternate" hreflang="{lang}" href="{head_link}">' in unescape(html)
    english = client.get(language_link(html, "en"))
    english_html = english.content.decode()
    assert english.context["listing"].count == 25
    assert 'type="date" name="date_from" value="2026-03-21"' in english_html
    assert 'type="date" name="date_to" value="2026-04-20"' in english_html

    # And back to Persian: the same days in the Solar Hijri calendar, Persian digits.
    back = language_link(english_html, "fa")
    assert query(back) == FARVARDIN
    assert client.get(back).context["listing"].count == 25


def test_the_language_links_leave_other_filters_and_bad_dates_as_they_are(client):
    html = client.get(
        "/fa/events/", {"kind": "workshop", "date_from": "tomorrow", "q": "1405-01-01"}
    ).content.decode()
    assert query(language_link(html, "en")) == {
        "kind": "workshop",
        "date_from": "tomorrow",
        "q": "1405-01-01",
    }
    # Without a date to write, the link is the page's own address, as ever.
    html = client.get("/fa/events/", {"kind": "workshop", "when": "past"}).content.decode()
    assert 'href="/en/events/?kind=workshop&amp;when=past"' in html


@pytest.mark.parametrize(
    "typed", ["0001-01-01", "1699-12-29", "1700-01-01", "2400-03-21", "9999-12-31", "۱۳۹۹/۱۲/۳۰"]
)
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_language_link_always_means_the_same_day(client, lang, typed):
    """Even a day one calendar cannot write so that it reads back the same
    (a Gregorian year before 1700, a Solar Hijri one from 1700): it is then
    left as typed, which every page reads alike."""
    response = client.get(f"/{lang}/events/", {"date_from": typed})
    day = response.context["listing"].filterset.cleaned["date_from"]
    for other in ("fa", "en", "hi", "mr"):
        followed = client.get(language_link(response.content.decode(), other))
        assert followed.context["listing"].filterset.cleaned["date_from"] == day, other


def test_a_gregorian_date_typed_on_a_persian_page_links_to_its_solar_hijri_day(client):
    html = client.get("/fa/events/", {"date_from": "2026-03-21"}).content.decode()
    # The page's own link is the address as typed.
    assert query(language_link(html, "fa")) == {"date_from": "2026-03-21"}
    english = client.get("/en/events/", {"date_from": "2026-03-21"}).content.decode()
    assert query(language_link(english, "fa")) == {"date_from": "۱۴۰۵-۰۱-۰۱"}


def test_the_other_languages_keep_the_browsers_date_input(client):
    html = client.get("/mr/events/", {"date_from": "۱۴۰۵-۰۱-۰۱"}).content.decode()
    # The day asked for, as a date input takes it; no calendar of the portal's.
    assert 'type="date" name="date_from" value="2026-03-21"' in html
    assert "solar-hijri" not in html
    persian = client.get("/fa/events/").content.decode()
    assert 'type="date"' not in persian
    assert 'data-calendar="solar-hijri"' in persian
    assert "portal/js/solar-hijri-calendar" in persian


ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feeds_and_the_api_take_the_same_dates(client, around_nowruz):
    feed = ET.fromstring(client.get("/fa/events/feed/", FARVARDIN).content)
    links = {entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")}
    assert links == {
        f"http://testserver/fa/events/{slug}/" for slug in ("nowruz-meet", "farvardin-meet")
    }

    ics = Calendar.from_ical(
        client.get(
            "/en/events/calendar.ics", {"date_from": "1405/1/1", "date_to": "1405/1/31"}
        ).content
    )
    assert sorted(vevent.decoded("DTSTART") for vevent in ics.walk("VEVENT")) == [
        NOWRUZ_1405,
        FARVARDIN_31,
    ]

    data = client.get("/api/events/", {**FARVARDIN, "lang": "fa"}).json()
    assert sorted(event["slug"] for event in data["results"]) == ["farvardin-meet", "nowruz-meet"]
    refused = client.get("/api/events/", {"date_from": "1404-12-30"}).json()
    assert {"parameter": "date_from", "value": "1404-12-30"} in [
        {key: item[key] for key in ("parameter", "value")} for item in refused["ignored"]
    ]
