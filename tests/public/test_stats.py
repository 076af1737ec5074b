"""The statistics page, /<lang>/stats/: its figures, its charts and their tables."""

import datetime

import pytest
from django.db import connection
from django.test.html import Element, parse_html
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events import stats
from events.models import B2BMeeting, Event
from public.charts import Value, bar_chart, quarters_label
from tests.factories import (
    DistrictFactory,
    EventFactory,
    MoUFactory,
    RegionFactory,
    buyer,
    held,
    meeting,
)

pytestmark = pytest.mark.django_db

PUNE = "international-buyer-seller-meet-pune-2025"


# Reading the page: its charts and tables, out of the parsed HTML.


def walk(node):
    yield node
    for child in getattr(node, "children", []):
        if isinstance(child, Element):
            yield from walk(child)


def text(node):
    if isinstance(node, str):
        return node
    return "".join(text(child) for child in node.children)


def attrs(node):
    return dict(node.attributes)


def chart(html, chart_id):
    """The <div class="chart"> with this id."""
    root = parse_html(html)
    return next(n for n in walk(root) if n.name == "div" and attrs(n).get("id") == chart_id)


def table_rows(chart_div):
    """The table's body: {row heading: [cell, ...]}."""
    table = next(n for n in walk(chart_div) if n.name == "table")
    rows = {}
    for tr in (n for n in walk(table) if n.name == "tr"):
        cells = [c for c in tr.children if isinstance(c, Element)]
        if cells[0].name == "th" and attrs(cells[0]).get("scope") == "row":
            rows[text(cells[0]).strip()] = [text(c).strip() for c in cells[1:]]
    return rows


def page(client, lang="en"):
    with translation.override(lang):
        url = reverse("events:stats")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# The figures.


def test_the_url_is_under_each_language():
    assert reverse("events:stats") == "/en/stats/"


def test_headline_totals_of_the_demo_data_count_the_events_held(client, demo):
    html = page(client)
    totals = {
        text(dt).strip(): text(dd).strip()
        for div in walk(parse_html(html))
        if div.name == "div" and len(div.children) >= 2
        for dt, dd in [[c for c in div.children if isinstance(c, Element)][:2]]
        if dt.name == "dt"
    }
    # Pune (both editions), Mumbai (IGNITE-2026) and Lucknow have taken place; the
    # sample meets are upcoming and the Arak conference's dates are not known.
    assert totals["Events held"] == "4"
    assert totals["MSMEs taking part"] == "more than 300"
    assert totals["Foreign buyers"] == "41"
    assert totals["B2B meetings"] == "more than 500"
    assert totals["MoUs signed"] == "32"
    assert "reported for 1 of 4 events" in html


def test_the_pune_meet_counts_as_a_buyer_seller_meet(client, demo):
    kinds = table_rows(chart(page(client), "chart-kinds"))
    # The Pune meet's 1st and 2nd editions.
    assert kinds == {"Buyer-seller meet": ["2"], "Workshop": ["1"], "Review meeting": ["1"]}


def test_a_state_counts_its_districts_events(client, demo):
    states = table_rows(chart(page(client), "chart-states"))
    # Pune (two meets) and Mumbai City are districts of Maharashtra; Lucknow of Uttar Pradesh.
    assert states == {"Maharashtra": ["3"], "Uttar Pradesh": ["1"]}


def test_events_per_quarter_include_the_empty_quarters_between(client, demo):
    quarters = table_rows(chart(page(client), "chart-quarters"))
    assert next(iter(quarters)) == "Q1 2024"  # Lucknow, March 2024
    assert quarters["Q4 2025"] == ["1"]  # Pune, November 2025
    assert quarters["Q1 2026"] == ["1"]  # Mumbai, February 2026
    assert quarters["Q2 2024"] == ["0"]
    assert len(quarters) == 9


def test_meetings_and_mous_per_year_reported_and_recorded(client, demo):
    html = page(client)
    meetings = table_rows(chart(html, "chart-meetings"))
    assert meetings["2025"] == ["more than 500", "3"]  # four sample meetings, three held
    assert meetings["2024"] == ["not reported", "no records"]
    mous = table_rows(chart(html, "chart-mous"))
    assert mous["2025"] == ["32", "no records"]
    assert mous["2026"] == ["not reported", "1"]  # the ODOP branding MoU at IGNITE-2026


def test_foreign_buyers_by_country_come_from_the_meeting_records(client, demo):
    buyers = table_rows(chart(page(client), "chart-buyers"))
    assert buyers == {"United Arab Emirates": ["1"], "Kenya": ["1"]}


def test_drafts_and_upcoming_events_never_count(client, demo):
    before = page(client)
    draft = held(
        kind=Event.Kind.CONFERENCE,
        status=Event.Status.DRAFT,
        region=Event.objects.get(slug=PUNE).region,
        b2b_meetings=900,
    )
    meeting(draft, buyer("US"))
    EventFactory(kind=Event.Kind.CONFERENCE, msmes=700)  # upcoming, published
    after = page(client)
    for chart_id in ("chart-kinds", "chart-states", "chart-meetings", "chart-buyers"):
        assert table_rows(chart(after, chart_id)) == table_rows(chart(before, chart_id))
    assert "900" not in after and "700" not in after


def test_a_page_without_meeting_records_says_buyers_cannot_be_counted(client):
    held(foreign_buyers=12)
    html = page(client)
    assert "No held B2B meeting with a foreign buyer has been recorded yet" in html
    assert 'id="chart-buyers"' not in html


def test_an_empty_portal_has_a_page_too(client):
    html = page(client)
    assert "No published event has taken place yet" in html
    assert 'role="img"' not in html


# The selectors.


def test_a_sum_is_a_lower_bound_if_a_part_is_and_about_if_a_part_is():
    held(b2b_meetings=500, b2b_meetings_qualifier="at_least", mous=10)
    held(b2b_meetings=20, mous=5, mous_qualifier="about")
    held()
    totals = stats.headline()
    assert totals.events == 3
    assert totals.b2b_meetings == stats.Figure(520, "at_least", 2)
    assert totals.mous == stats.Figure(15, "about", 2)
    assert totals.msmes == stats.Figure(None, "exact", 0)


def test_events_without_a_state_are_counted_apart():
    held(region=DistrictFactory())
    held(region=RegionFactory())
    held()
    tallies = stats.events_by_state(lang="mr", no_state_label="none given")
    assert [(t.key, t.label, t.count) for t in tallies] == [
        ("maharashtra", "महाराष्ट्र", 2),
        ("", "none given", 1),
    ]


def test_a_buyer_counts_once_per_country_and_only_if_it_met_and_is_foreign():
    pune, mumbai = held(), held()
    dubai, nairobi, no_show, indian = buyer("AE"), buyer("KE"), buyer("US"), buyer("IN")
    meeting(pune, dubai)
    meeting(pune, dubai, minutes=30)
    meeting(mumbai, dubai)
    meeting(mumbai, nairobi)
    meeting(pune, no_show, status=B2BMeeting.Status.NO_SHOW)
    meeting(pune, indian)  # a buyer from the event's own country is not foreign
    tallies = stats.buyers_by_country(lang="en")
    # As many buyers in each country: by name, Kenya before the United Arab Emirates.
    assert [(t.key, t.count) for t in tallies] == [("KE", 1), ("AE", 1)]


def test_recorded_meetings_and_mous_are_counted_by_the_events_year():
    last_year = held(start_date=datetime.date(2025, 12, 30), end_date=datetime.date(2026, 1, 2))
    meeting(last_year, buyer("AE"))
    meeting(last_year, buyer("KE"), status=B2BMeeting.Status.CANCELLED)
    MoUFactory(event=last_year)
    held(start_date=datetime.date(2023, 5, 1), mous=3)
    years = {y.year: y for y in stats.outcomes_per_year()}
    assert list(years) == [2023, 2024, 2025]
    assert (years[2025].meetings_recorded, years[2025].meetings_held) == (2, 1)
    assert years[2025].mous_recorded == 1
    assert years[2024].events == 0 and years[2024].meetings_recorded is None
    assert years[2023].mous == stats.Figure(3, "exact", 1)


# The charts.


def test_bars_share_one_scale_and_grow_from_the_start_edge():
    rows = [("Maharashtra", [Value(4, "4")]), ("Uttar Pradesh", [Value(1, "1")])]
    ltr = bar_chart(
        id="c", title="t", label_header="h", series=["n"], rows=rows, lang="en", rtl=False
    )
    assert [(b.x, b.width) for row in ltr.rows for b in row.bars] == [("0", "100"), ("0", "25")]
    rtl = bar_chart(
        id="c", title="t", label_header="h", series=["n"], rows=rows, lang="fa", rtl=True
    )
    assert [(b.x, b.width) for row in rtl.rows for b in row.bars] == [("0", "100"), ("75", "25")]
    assert rtl.text_x == "100"
    assert ltr.desc == "Maharashtra: 4 and Uttar Pradesh: 1"


def test_nothing_is_drawn_for_zero_or_not_reported_but_the_text_says_so():
    rows = [("2024", [Value(None, "not reported"), Value(0, "0")])]
    drawn = bar_chart(
        id="c", title="t", label_header="h", series=["a", "b"], rows=rows, lang="en", rtl=False
    )
    assert [(b.width, b.text) for b in drawn.rows[0].bars] == [("", "not reported"), ("", "0")]


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "Q1 2026"), ("mr", "Q१ २०२६"), ("fa", "Q۱ ۲۰۲۶")]
)
def test_quarters_are_labelled_in_the_pages_digits(lang, label):
    assert quarters_label(2026, 1, lang) == label


def test_every_chart_is_an_image_with_a_title_a_description_and_the_same_data_in_a_table(
    client, demo
):
    html = page(client)
    root = parse_html(html)
    charts = [n for n in walk(root) if n.name == "div" and attrs(n).get("class") == "chart"]
    assert len(charts) == 6
    for div in charts:
        svg = next(n for n in walk(div) if n.name == "svg")
        assert attrs(svg)["role"] == "img"
        title = next(n for n in svg.children if isinstance(n, Element) and n.name == "title")
        desc = next(n for n in svg.children if isinstance(n, Element) and n.name == "desc")
        assert attrs(svg)["aria-labelledby"] == attrs(title)["id"]
        assert attrs(svg)["aria-describedby"] == attrs(desc)["id"]
        table = next(n for n in walk(div) if n.name == "table")
        caption = next(n for n in walk(table) if n.name == "caption")
        assert text(caption).strip() == text(title).strip()
        assert all(
            attrs(th).get("scope") in ("col", "row") for th in walk(table) if th.name == "th"
        )
        # Every figure in the table is written in the chart and said in its description.
        svg_text = " ".join(text(n) for n in walk(svg) if n.name == "text")
        for label, cells in table_rows(div).items():
            assert label in svg_text and label in text(desc)
            for cell in cells:
                assert cell in svg_text and cell in text(desc)


# The page in each language.


@pytest.mark.parametrize("lang", ["en", "hi", "mr", "fa"])
def test_the_page_renders_in_every_language(client, demo, lang):
    html = page(client, lang)
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "fa" else "ltr"}">' in html
    assert html.count('role="img"') == 6


def test_marathi_pages_write_devanagari_digits(client, demo):
    html = page(client, "mr")
    states = table_rows(chart(html, "chart-states"))
    assert states["महाराष्ट्र"] == ["३"]
    assert "५००" in html  # the Pune meet's B2B meetings
    assert table_rows(chart(html, "chart-meetings"))["२०२५"][1] == "३"
    assert "तिमाही ४, २०२५" in table_rows(chart(html, "chart-quarters"))


def test_persian_pages_are_right_to_left_with_persian_digits(client, demo):
    html = page(client, "fa")
    assert '<html lang="fa" dir="rtl">' in html
    states = table_rows(chart(html, "chart-states"))
    assert states["ماهاراشترا"] == ["۳"]
    assert "۵۰۰" in html
    # Bars grow from the right: Uttar Pradesh's one event is a third of Maharashtra's three.
    svg = next(n for n in walk(chart(html, "chart-states")) if n.name == "svg")
    bars = [attrs(n) for n in walk(svg) if n.name == "rect"]
    assert [(b["x"], b["width"]) for b in bars] == [("0%", "100%"), ("66.67%", "33.33%")]
    labels = [attrs(n) for n in walk(svg) if n.name == "text"]
    assert {label["x"] for label in labels} == {"100%"}


# A fixed number of queries, whatever the number of events.


def make_events(n):
    state = RegionFactory()
    district = DistrictFactory(parent=state)
    kinds = list(Event.Kind)
    for i in range(n):
        event = held(
            kind=kinds[i % len(kinds)],
            region=district if i % 2 else state,
            start_date=datetime.date(2020 + i % 5, 1 + i % 12, 1),
            b2b_meetings=10 * i,
            mous=i,
        )
        meeting(event, buyer(["AE", "KE", "US"][i % 3]))
        MoUFactory(event=event)
    held(status=Event.Status.DRAFT)


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        page(client)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_events(client):
    make_events(5)
    with_five = count_queries(client)
    make_events(45)
    assert Event.objects.published().past().count() == 50
    assert count_queries(client) == with_five
    assert with_five <= 10
