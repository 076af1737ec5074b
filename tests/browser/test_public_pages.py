"""The public pages in a real browser, as a visitor uses them, and their
accessibility as axe-core sees it, in all four languages."""

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from events.models import Event

LANGUAGES = ["en", "hi", "mr", "fa"]
# The demo event with the most on its page: sessions, roles, figures, B2B meetings.
DETAIL_SLUG = "international-buyer-seller-meet-pune-2025"
# Its series, whose page compares the editions.
SERIES_SLUG = "international-buyer-seller-meet-pune"
# The sample meet the journey's filters lead to.
FAIR_SLUG = "sample-industrial-export-fair-arak"
FAIR_TITLE = "Markazi Industrial Export Fair, Arak (sample)"
FILTERS = {"kind": "trade_fair", "region": "markazi", "target_country": "IQ"}


def url(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def query(page):
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


def choose(page, label, value):
    """Pick `value` in the filter labelled `label`, as a person would.

    With JavaScript the form is sent as soon as a select changes; the
    "Show events" button, which works without it, is pressed at the end.
    """
    select = page.get_by_label(label, exact=True)
    if page.locator("form.filters[data-auto-submit]").count():
        with page.expect_navigation():
            select.select_option(value)
    else:
        select.select_option(value)


def languages(page):
    """The language links (the navigation's name is in the page's language)."""
    return page.locator("nav.language-switch")


def test_filter_open_download_and_switch_language(site, page):
    page.goto(site + url("en", "events:list"))
    choose(page, "Kind", FILTERS["kind"])
    choose(page, "State / district", FILTERS["region"])
    choose(page, "Target market", FILTERS["target_country"])
    if page.locator("form.filters[data-auto-submit]").count():
        # The enhancement brings focus back to the select that sent the form.
        assert page.evaluate("document.activeElement.id") == "filter-target_country"
    page.get_by_role("button", name="Show events").click()
    page.wait_for_load_state()

    assert urlsplit(page.url).path == "/en/events/"
    assert FILTERS.items() <= query(page).items()
    assert page.locator("#filter-kind").input_value() == "trade_fair"
    cards = page.locator(".event-card")
    assert cards.count() == 1
    list_url = page.url

    # The event's page, and its calendar file.
    cards.get_by_role("link", name=FAIR_TITLE).click()
    assert urlsplit(page.url).path == url("en", "events:detail", FAIR_SLUG)
    assert page.get_by_role("heading", level=1).inner_text() == FAIR_TITLE
    try:
        ics_url = url("en", "events:event_ics", FAIR_SLUG)
    except NoReverseMatch:
        pytest.fail("the event's calendar file (events:event_ics) does not exist yet")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert urlsplit(download.url).path == ics_url
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == FAIR_TITLE
    assert event.decoded("DTSTART") == Event.objects.get(slug=FAIR_SLUG).start_date

    # Back to the filtered list, then to Marathi and Persian with the language links.
    page.go_back()
    assert page.url == list_url
    languages(page).get_by_role("link", name="मराठी").click()
    assert urlsplit(page.url).path == "/mr/events/"
    assert FILTERS.items() <= query(page).items()
    assert page.locator("html").get_attribute("lang") == "mr"
    assert page.locator("#filter-kind").input_value() == "trade_fair"
    assert page.locator("#filter-region").input_value() == "markazi"
    assert page.locator("#filter-target_country").input_value() == "IQ"
    assert page.locator(".event-card").count() == 1

    languages(page).get_by_role("link", name="فارسی").click()
    assert urlsplit(page.url).path == "/fa/events/"
    assert FILTERS.items() <= query(page).items()
    html = page.locator("html")
    assert html.get_attribute("lang") == "fa"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("#filter-target_country").input_value() == "IQ"
    assert page.locator(".event-card").count() == 1
    assert page.locator(f'.event-card a[href="{url("fa", "events:detail", FAIR_SLUG)}"]').count()


def test_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + url("en", "events:list"))
        page.get_by_label("Kind", exact=True).select_option("workshop")
        page.get_by_role("button", name="Show events").click()
        page.wait_for_load_state()
        assert query(page)["kind"] == "workshop"
        kinds = page.locator(".event-card__kind").all_inner_texts()
        assert kinds
        assert all(kind.startswith("Workshop") for kind in kinds)
    finally:
        context.close()


def axe_check(page, axe, name):
    """Run axe-core on the page; return its serious and critical violations, described."""
    # Evaluated, not injected as a script tag: the CSP refuses inline scripts.
    page.evaluate(axe.script.read_text(encoding="utf-8"))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    (axe.reports / f"{name}.json").write_text(
        json.dumps(results["violations"], indent=2, ensure_ascii=False)
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        + "; ".join(
            f"{node['target']} {node['failureSummary']!r}" for node in violation["nodes"][:5]
        )
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def check_page(page, axe, address, name, lang):
    response = page.goto(address)
    assert response.ok, f"{address}: HTTP {response.status}"
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    page.evaluate("async () => await document.fonts.ready")
    return [f"{name}: {problem}" for problem in axe_check(page, axe, name)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_accessible(site, page, axe, screenshots, lang):
    problems = []
    problems += check_page(page, axe, site + url(lang, "events:home"), f"{lang}-home", lang)
    problems += check_page(page, axe, site + url(lang, "events:list"), f"{lang}-list", lang)
    page.screenshot(path=screenshots / f"{lang}-list.png", full_page=True)
    detail = site + url(lang, "events:detail", DETAIL_SLUG)
    problems += check_page(page, axe, detail, f"{lang}-detail", lang)
    page.screenshot(path=screenshots / f"{lang}-detail.png", full_page=True)
    series = site + url(lang, "events:series", SERIES_SLUG)
    problems += check_page(page, axe, series, f"{lang}-series", lang)
    assert not problems, "\n".join(problems)


@pytest.fixture
def stats_page(lang):
    """The statistics page's address in `lang`, once the page exists."""
    try:
        return url(lang, "events:stats")
    except NoReverseMatch:
        pytest.skip("the statistics page (events:stats) does not exist yet")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stats_page_is_accessible(stats_page, site, page, axe, lang):
    problems = check_page(page, axe, site + stats_page, f"{lang}-stats", lang)
    assert not problems, "\n".join(problems)
