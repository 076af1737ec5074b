"""An event series: its page, its feed and its place in the sitemap, and its
editions compared on each edition's page (issue 15, point 3: "the 2nd Pune
International Buyer-Seller Meet is not connected to the 1st")."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.factories import EventFactory, EventSeriesFactory, ListedEventFactory

pytestmark = pytest.mark.django_db

SERIES = "/{}/series/international-buyer-seller-meet-pune/"
PUNE = "/{}/events/international-buyer-seller-meet-pune-2025/"
FIRST = "/{}/events/international-buyer-seller-meet-pune-2024/"
ATOM = "{http://www.w3.org/2005/Atom}"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def rows(html):
    """The editions' table, row by row, as text without tags."""
    body = re.search(r'<table class="editions">.*?<tbody>(.*?)</tbody>', html, re.S)[1]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr.*?</tr>", body, re.S)
    ]


def test_the_series_page_lists_both_pune_meets_first_to_last_with_their_figures(client, demo):
    html = page(client, SERIES.format("en"))
    assert '<h1 lang="en" dir="auto">International Buyer-Seller Meet, Pune</h1>' in html
    assert "organised by MSSIDC" in html
    first, second = rows(html)
    assert first.startswith(
        "1 1st International Buyer-Seller Meet, Pune (sample) 7 November 2024 Pune"
    )
    # The reports give no figure for the 1st edition.
    assert first.count("—") == len(Event.FIGURES)
    assert second.startswith("2 2nd International Buyer-Seller Meet, Pune 6–7 November 2025 Pune")
    # Participants not reported; MSMEs, buyers, countries, meetings, MoUs as reported.
    assert second.endswith("— not reported more than 300 41 16 more than 500 32")
    assert f'href="{PUNE.format("en")}"' in html and f'href="{FIRST.format("en")}"' in html


def test_the_series_page_links_its_feed(client, demo):
    html = page(client, SERIES.format("en"))
    feed = SERIES.format("en") + "feed/"
    assert (
        f'<link rel="alternate" type="application/atom+xml" href="{feed}" '
        'title="International Buyer-Seller Meet, Pune (Atom feed)">'
    ) in html
    assert f'<a href="{feed}" type="application/atom+xml">This series\' feed (Atom)</a>' in html


def test_the_marathi_series_page_reads_in_marathi_with_devanagari_digits(client, demo):
    html = page(client, SERIES.format("mr"))
    assert '<h1 lang="mr" dir="auto">आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे</h1>' in html
    assert "आवृत्त्या" in html  # "Editions"
    first, second = rows(html)
    assert first.startswith("१ प्रथम आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद")
    assert second.startswith("२ द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद ६–७ नोव्हेंबर, २०२५")
    assert "५०० हून अधिक" in second


def test_the_hindi_series_page_reads_in_hindi(client, demo):
    html = page(client, SERIES.format("hi"))
    assert '<h1 lang="hi" dir="auto">अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे</h1>' in html
    assert "संस्करण" in html
    assert rows(html)[1].startswith("2 द्वितीय अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे")


def test_the_persian_series_page_is_right_to_left_with_persian_digits(client, demo):
    html = page(client, SERIES.format("fa"))
    assert '<html lang="fa" dir="rtl">' in html
    assert '<h1 lang="fa" dir="auto">همایش بین‌المللی خریداران و فروشندگان، پونه</h1>' in html
    first, second = rows(html)
    assert first.startswith("۱ ") and second.startswith("۲ ")
    assert "۱۵–۱۶ آبان ۱۴۰۴" in second
    assert "بیش از ۵۰۰" in second


def test_an_unknown_series_is_not_found(client):
    assert client.get("/en/series/no-such-meet/").status_code == 404
    assert client.get("/en/series/no-such-meet/feed/").status_code == 404


def test_a_series_with_only_draft_editions_is_not_found(client):
    series = EventSeriesFactory()
    EventFactory(series=series, edition=1, status=Event.Status.DRAFT)
    assert client.get(series.get_absolute_url()).status_code == 404
    assert client.get(f"{series.get_absolute_url()}feed/").status_code == 404


def test_a_draft_edition_is_shown_nowhere(client):
    series = EventSeriesFactory()
    held = EventFactory(series=series, edition=1, title_en="Pune meet 2024")
    EventFactory(series=series, edition=2, title_en="Pune meet 2025", status=Event.Status.DRAFT)
    for url in (series.get_absolute_url(), held.get_absolute_url()):
        html = page(client, url)
        assert "Pune meet 2024" in html and "Pune meet 2025" not in html
    feed = client.get(f"{series.get_absolute_url()}feed/").content.decode()
    assert "Pune meet 2024" in feed and "Pune meet 2025" not in feed


def test_the_event_page_links_the_other_editions_and_compares_them(client, demo):
    html = page(client, PUNE.format("en"))
    section = html[html.index('<h2 id="editions">') :]
    assert "Editions of this series" in section
    assert (
        f'<a href="{SERIES.format("en")}" lang="en">International Buyer-Seller Meet, Pune</a>'
        " · Edition 2"
    ) in section
    # The 1st edition is linked; this one is marked, not linked to itself.
    first_link = (
        f'<a href="{FIRST.format("en")}">1st International Buyer-Seller Meet, Pune (sample)</a>'
    )
    assert first_link in section
    assert f'href="{PUNE.format("en")}"' not in section
    current = re.search(r'<tr aria-current="page">(.*?)</tr>', section, re.S)[1]
    assert "2nd International Buyer-Seller Meet, Pune" in current
    first, second = rows(section)
    assert first.count("—") == len(Event.FIGURES)
    assert "more than 500" in second


def test_the_marathi_event_page_names_its_edition_in_devanagari_digits(client, demo):
    html = page(client, PUNE.format("mr"))
    assert "या मालिकेच्या आवृत्त्या" in html  # "Editions of this series"
    assert "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे</a> · आवृत्ती २" in html
    assert f'href="{FIRST.format("mr")}"' in html


def test_the_1st_editions_page_links_the_2nd(client, demo):
    html = page(client, FIRST.format("fa"))
    assert "دورهٔ ۱" in html
    assert f'href="{PUNE.format("fa")}"' in html


def test_an_event_in_no_series_has_no_editions_section(client):
    html = page(client, EventFactory().get_absolute_url())
    assert 'id="editions"' not in html


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_series_feed_holds_its_editions_latest_first(client, demo):
    atom = feed(client, SERIES.format("en") + "feed/")
    assert atom.find(f"{ATOM}title").text == "International Buyer-Seller Meet, Pune"
    titles = [entry.find(f"{ATOM}title").text for entry in atom.iter(f"{ATOM}entry")]
    assert titles == [
        "2nd International Buyer-Seller Meet, Pune",
        "1st International Buyer-Seller Meet, Pune (sample)",
    ]
    links = {link.get("rel"): link.get("href") for link in atom.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver" + SERIES.format("en"),
        "self": "http://testserver" + SERIES.format("en") + "feed/",
    }


def test_the_marathi_series_feed_is_in_marathi(client, demo):
    atom = feed(client, SERIES.format("mr") + "feed/")
    assert atom.find(f"{ATOM}title").text == "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे"
    entry = next(atom.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}title").text == "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
    assert "६–७ नोव्हेंबर, २०२५" in entry.find(f"{ATOM}summary").text


def test_the_sitemap_lists_the_series_in_every_language(client, demo):
    sitemap = client.get("/sitemap.xml").content.decode()
    for lang in ("en", "hi", "mr", "fa"):
        assert f"<loc>http://testserver{SERIES.format(lang)}</loc>" in sitemap


def test_a_series_with_only_drafts_is_not_in_the_sitemap(client):
    series = EventSeriesFactory()
    EventFactory(series=series, edition=1, status=Event.Status.DRAFT)
    assert series.slug not in client.get("/sitemap.xml").content.decode()


def test_the_api_names_the_series_and_edition(client, demo):
    pune = client.get("/api/events/international-buyer-seller-meet-pune-2025/", {"lang": "mr"})
    data = pune.json()
    assert data["series"] == {
        "name": "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे",
        "slug": "international-buyer-seller-meet-pune",
        "url": "http://testserver" + SERIES.format("mr"),
    }
    assert data["edition"] == 2
    listed = {e["slug"]: e for e in client.get("/api/events/", {"when": "all"}).json()["results"]}
    assert listed["international-buyer-seller-meet-pune-2024"]["edition"] == 1
    ignite = listed["ignite-2026-mumbai"]
    assert (ignite["series"], ignite["edition"]) == (None, None)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_the_queries_do_not_grow_with_the_editions(client):
    series = EventSeriesFactory()
    latest = ListedEventFactory(series=series, edition=1)
    pages = [
        series.get_absolute_url(),
        f"{series.get_absolute_url()}feed/",
        latest.get_absolute_url(),
        "/api/events/",
    ]
    counts = []
    for edition in (2, 12):
        while series.next_edition() <= edition:
            latest = ListedEventFactory(series=series, edition=series.next_edition())
        counts.append([queries(client, url) for url in pages])
    assert counts[0] == counts[1]
