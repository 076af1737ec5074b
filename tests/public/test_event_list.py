import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.filters import EventFilter
from events.models import Event
from events.selectors import event_listing
from tests.factories import EventFactory, EventOrganiserFactory, SchemeFactory

pytestmark = pytest.mark.django_db

LIST = "/en/events/"


def titles(response):
    return {event.slug for event in response.context["rows"]}


def test_upcoming_is_the_default_and_past_meets_are_one_click_away(client, demo):
    upcoming = titles(client.get(LIST))
    assert "markazi-investment-export-conference" in upcoming  # dates to be announced
    assert "sample-engineering-buyer-seller-meet-nashik" in upcoming
    assert "international-buyer-seller-meet-pune-2025" not in upcoming
    past = titles(client.get(LIST, {"when": "past"}))
    assert {"international-buyer-seller-meet-pune-2025", "ignite-2026-mumbai"} <= past


PAST = {"when": "past"}
PUNE_2024 = "international-buyer-seller-meet-pune-2024"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({**PAST, "kind": "review_meeting"}, {"up-msme-review-meeting-lucknow-2024"}),
        ({**PAST, "scheme": "ramp"}, {"international-buyer-seller-meet-pune-2025"}),
        ({**PAST, "sector": "leather-products"}, {"ignite-2026-mumbai"}),
        # The Pune meet's 1st and 2nd editions.
        ({**PAST, "region": "pune"}, {PUNE_2024, "international-buyer-seller-meet-pune-2025"}),
        ({**PAST, "organiser": "mssidc"}, {PUNE_2024, "international-buyer-seller-meet-pune-2025"}),
        (
            {"when": "all", "target_country": "UZ", "kind": "conference"},
            {"markazi-investment-export-conference"},
        ),
        (
            {"when": "all", "country": "IR", "kind": "conference"},
            {"markazi-investment-export-conference"},
        ),
        (
            {"date_from": "2025-11-01", "date_to": "2025-11-30"},
            {"international-buyer-seller-meet-pune-2025"},
        ),
    ],
)
def test_each_filter_narrows_the_list(client, demo, params, expected):
    assert titles(client.get(LIST, params)) == expected


def test_a_state_includes_its_districts(client, demo):
    found = titles(client.get(LIST, {"when": "past", "region": "maharashtra"}))
    assert {"international-buyer-seller-meet-pune-2025", "ignite-2026-mumbai"} <= found
    assert "up-msme-review-meeting-lucknow-2024" not in found


@pytest.mark.parametrize("query", ["पुणे", "Pune", "pune", "PUNE"])
def test_search_finds_pune_in_any_script_and_case(client, demo, query):
    assert "international-buyer-seller-meet-pune-2025" in titles(
        client.get(LIST, {"when": "all", "q": query})
    )


@pytest.mark.parametrize("query", ["فرصتهای سرمایهگذاری", "فرصت‌های سرمايه‌گذاري", "اراك"])
def test_search_finds_persian_text_however_it_was_typed(client, demo, query):
    assert "markazi-investment-export-conference" in titles(
        client.get(LIST, {"when": "all", "q": query})
    )


def test_facet_counts_say_how_many_events_each_choice_gives(client, demo):
    facets = client.get(LIST, {"when": "past"}).context["listing"].facets
    kinds = {choice.value: choice.count for choice in facets["kind"]}
    assert kinds == {"buyer_seller_meet": 2, "workshop": 1, "review_meeting": 1}
    states = {choice.value: choice for choice in facets["region"]}
    assert states["maharashtra"].count == 3
    assert {d.value for d in states["maharashtra"].children} == {"pune", "mumbai-city"}
    # A facet keeps the other filters but not its own choice.
    facets = client.get(LIST, {"when": "past", "kind": "workshop"}).context["listing"].facets
    assert {c.value: c.count for c in facets["kind"]}["review_meeting"] == 1
    assert {c.value: c.count for c in facets["scheme"]} == {"district-as-export-hub": 1, "odop": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"date_from": "yesterday"},
        {"kind": "<script>alert(1)</script>"},
        {"when": "someday", "sort": "random"},
        {"target_country": "ZZZ", "page": "abc"},
        {"page": "0"},
        {"page": "۰۰"},
        {"page": "-1"},
        {"q": "x" * 5000},
    ],
)
def test_bad_values_are_named_and_ignored_never_a_server_error(client, demo, params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "q" not in params:
        assert response.context["listing"].ignored
        assert "ignored" in html or "first page" in html


@pytest.mark.parametrize("page", ["999999", "9" * 5000])
def test_a_page_past_the_end_is_not_found(client, demo, page):
    # 5,000 digits are more than Python turns into a number by default.
    assert client.get(LIST, {"page": page}).status_code == 404


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, demo):
    html = client.get(LIST, {"q": "no such meet anywhere"}).content.decode()
    assert "No event matches these filters." in html
    assert "Clear the filters" in html


def test_drafts_are_never_listed(client):
    EventFactory(title_en="Secret draft meet", status=Event.Status.DRAFT)
    response = client.get(LIST, {"when": "all", "q": "secret"})
    assert response.context["listing"].count == 0
    assert "Secret draft meet" not in response.content.decode()


def test_switching_language_keeps_the_filters(client, demo):
    html = client.get(LIST, {"kind": "workshop", "when": "past"}).content.decode()
    assert 'href="/mr/events/?kind=workshop&amp;when=past"' in html
    assert 'href="/fa/events/?kind=workshop&amp;when=past"' in html


@pytest.mark.parametrize("language", ["en", "hi", "mr", "fa"])
def test_the_list_in_every_language(client, demo, language):
    response = client.get(f"/{language}/events/", {"when": "all"})
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "fa" else "ltr"}">' in html
    if language == "mr":
        assert "२०२५" in html  # the Pune meet's year, in Devanagari digits
    if language == "fa":
        assert "۱۴۰۴" in html  # its Solar Hijri year, in Persian digits


@pytest.mark.parametrize("page_size", [5, 20])
def test_the_list_runs_the_same_queries_for_5_and_50_events(client, page_size, settings):
    ramp = SchemeFactory()
    start = timezone.localdate() + datetime.timedelta(days=10)

    def add(n):
        for _ in range(n):
            EventFactory(start_date=start).schemes.add(ramp)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            listing = event_listing(params={"page": "1"}, page_size=page_size)
            list(listing.page.object_list)
            [e.schemes.all() for e in listing.page.object_list]
        return len(ctx)

    add(5)
    with_5 = queries()
    add(45)
    assert queries() == with_5
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(LIST).status_code == 200
    assert len(ctx) <= 14


def test_a_long_list_is_paged_with_the_filters_kept(client):
    start = timezone.localdate() + datetime.timedelta(days=3)
    EventFactory.create_batch(25, start_date=start, kind=Event.Kind.WORKSHOP)
    first = client.get(LIST, {"kind": "workshop"})
    assert len(first.context["rows"]) == 20
    assert 'href="?kind=workshop&amp;page=2"' in first.content.decode()
    second = client.get(LIST, {"kind": "workshop", "page": "2"})
    assert len(second.context["rows"]) == 5


def test_the_organiser_list_offers_the_most_active_and_keeps_the_one_chosen(client):
    busy = EventOrganiserFactory(organisation__name_en="MSSIDC").organisation
    EventOrganiserFactory.create_batch(2, organisation=busy)
    for _ in range(EventFilter.facet("organiser").limit + 4):
        EventOrganiserFactory()  # one event each
    lone = EventOrganiserFactory().organisation

    offered = client.get(LIST).context["listing"].facets["organiser"]
    assert len(offered) == EventFilter.facet("organiser").limit
    assert (offered[0].label, offered[0].count) == ("MSSIDC", 3)
    # Chosen, a body with a single event is offered (and shown selected) too.
    response = client.get(LIST, {"organiser": lone.slug})
    chosen = [c for c in response.context["listing"].facets["organiser"] if c.selected]
    assert [(c.value, c.count) for c in chosen] == [(lone.slug, 1)]
    assert f'value="{lone.slug}" selected' in response.content.decode()
    assert "every organisation is in the" in response.content.decode()
