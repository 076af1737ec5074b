"""Descriptions on public pages: the officials' formatting shown, anything else removed."""

import re

import pytest

from portal.templatetags.rich_text import rich_text
from tests.factories import EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

FORMATTED = (
    "The meet brings <b>41 foreign buyers</b> to <em>Pune</em>.\n\n"
    "<ul>\n<li>B2B meetings</li>\n<li>Export guidance</li>\n</ul>\n\n"
    'Register on <a href="https://ramp.msme.gov.in/">the RAMP portal</a>.'
)


def event_page(client, **description):
    event = EventFactory(**description)
    return client.get(f"/en/events/{event.slug}/").content.decode()


def organisation_page(client, **description):
    organisation = OrganisationFactory(**description)
    return client.get(f"/en/organisations/{organisation.slug}/").content.decode()


def test_an_event_page_shows_the_officials_bold_lists_and_links(client):
    html = event_page(client, description_en=FORMATTED)
    assert "<p>The meet brings <b>41 foreign buyers</b> to <em>Pune</em>.</p>" in html
    assert "<ul>\n<li>B2B meetings</li>\n<li>Export guidance</li>\n</ul>" in html
    # A link leads off the portal without lending it rank or a handle on the page.
    assert '<a href="https://ramp.msme.gov.in/" rel="nofollow noopener">the RAMP portal</a>' in html


def test_an_organisation_page_shows_the_same_formatting(client):
    html = organisation_page(client, description_en=FORMATTED)
    assert "<b>41 foreign buyers</b>" in html
    assert "<li>Export guidance</li>" in html
    assert 'rel="nofollow noopener">the RAMP portal</a>' in html


def test_plain_text_keeps_its_paragraphs_and_line_breaks(client):
    html = event_page(
        client, description_en="Venue: Four Points\r\nViman Nagar, Pune\r\n\r\nEntry is free."
    )
    assert "<p>Venue: Four Points<br>Viman Nagar, Pune</p>\n\n<p>Entry is free.</p>" in html


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Exports <script>alert('x')</script>grew", "<p>Exports grew</p>"),
        ("<style>body{display:none}</style>Text", "<p>Text</p>"),
        ('<iframe src="https://evil.example/"></iframe>Text', "<p>Text</p>"),
        ('<b onclick="steal()" style="color:red">Bold</b>', "<p><b>Bold</b></p>"),
        ('<img src="x" onerror="alert(1)">Photo', "<p>Photo</p>"),
        ('<a href="javascript:alert(1)">Click</a>', '<p><a rel="nofollow noopener">Click</a></p>'),
        ('<a href="JaVaScRiPt:alert(1)">Click</a>', '<p><a rel="nofollow noopener">Click</a></p>'),
        ('<a href="data:text/html,x">Click</a>', '<p><a rel="nofollow noopener">Click</a></p>'),
        ('<a href="/en/admin/">Click</a>', '<p><a rel="nofollow noopener">Click</a></p>'),
        (
            '<a href="mailto:export@mssidc.in" target="_blank" rel="opener">Write</a>',
            '<p><a href="mailto:export@mssidc.in" rel="nofollow noopener">Write</a></p>',
        ),
        ('<svg onload="alert(1)"><circle r="1"/></svg>Logo', "<p>Logo</p>"),
        ("<!-- note to self -->Text", "<p>Text</p>"),
    ],
)
def test_anything_but_the_allowed_formatting_is_removed(written, shown):
    assert rich_text(written) == shown


def test_the_removed_markup_never_reaches_the_page(client):
    html = event_page(
        client,
        description_en='<script>alert("pwned")</script><a href="javascript:alert(2)">x</a>',
    )
    shown = re.search(r'<div class="event__description"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert shown == '<p><a rel="nofollow noopener">x</a></p>'
    assert "<script>alert" not in html


def test_text_that_looks_like_markup_is_shown_as_written(client):
    html = event_page(client, description_en="Turnover < 5 crore & exports <5% of sales")
    assert "<p>Turnover &lt; 5 crore &amp; exports &lt;5% of sales</p>" in html


def test_devanagari_and_persian_with_zero_width_joiners_are_kept_byte_for_byte(client):
    # क्‍ष with a zero-width joiner (half form); می‌خواهیم with a zero-width non-joiner.
    marathi = "उद्योजकांसाठी क्\u200dष मार्गदर्शन"
    persian = "ما می\u200cخواهیم صادرات را افزایش دهیم"
    html = organisation_page(client, description_en=f"{marathi}\n\n<b>{persian}</b>")
    assert f"<p>{marathi}</p>" in html
    assert f"<p><b>{persian}</b></p>" in html


def test_a_tag_left_open_does_not_run_on_into_the_rest_of_the_page():
    assert rich_text("<b>Registration open\n\n<ul><li>Buyers") == (
        "<p><b>Registration open</b></p><b>\n\n<ul><li>Buyers</li></ul></b>"
    )


def test_calendars_and_search_engines_get_the_description_as_plain_text(client):
    event = EventFactory(description_en="<p>Meet <strong>41 foreign buyers</strong></p>")
    ics = client.get(f"/en/events/{event.slug}/event.ics").content.decode()
    assert "Meet 41 foreign buyers" in ics and "<strong>" not in ics
    page = client.get(event.get_absolute_url()).content.decode()
    json_ld = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert '"description": "Meet 41 foreign buyers"' in json_ld
