"""A Persian visitor filters the event list with the Solar Hijri calendar,
as a person would: picks a date range in the calendar, applies it, sees the
meets of those days, and switches to English keeping the same days. And the
calendar's own arithmetic is the server's, day by day."""

import datetime
from urllib.parse import parse_qs, urlsplit

import jdatetime
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from portal import l10n
from tests.browser.test_public_pages import axe_check

pytestmark = pytest.mark.browser

SHOW_EVENTS = "نمایش رویدادها"


def query(page):
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


def solar_hijri(day):
    return l10n.solar_hijri_iso(day)


def months_between(first, then):
    a, b = jdatetime.date.fromgregorian(date=first), jdatetime.date.fromgregorian(date=then)
    return (b.year - a.year) * 12 + b.month - a.month


def listed_between(first, last):
    """The published meets on any day from `first` to `last`, as the server finds them."""
    events = Event.objects.published().ending_on_or_after(first).filter(start_date__lte=last)
    return set(events.values_list("slug", flat=True))


def card_slugs(page):
    hrefs = page.locator(".event-card__title a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def calendar_of(page, label):
    """The calendar's button beside the date input labelled `label`, and its dialog."""
    opener = page.locator(f"#{label} ~ .solar-calendar__open")
    dialog = page.locator(f"#{opener.get_attribute('aria-controls')}")
    return opener, dialog


def test_a_persian_visitor_picks_a_solar_hijri_range_and_keeps_it_in_english(
    site, page, axe, screenshots
):
    today = timezone.localdate()
    last = today + datetime.timedelta(days=35)
    expected = listed_between(today, last)
    assert expected, "the demo data have sample meets in the coming weeks"

    page.goto(site + "/fa/events/")
    # Text inputs with the calendar's buttons; no browser date picker.
    assert page.locator('input[type="date"]').count() == 0
    date_from = page.locator("#filter-date-from")
    assert date_from.get_attribute("aria-describedby") == "date-format-hint"
    assert "۱۴۰۵" in page.locator("#date-format-hint").inner_text()

    # "From": the calendar opens on this month, in Persian with Persian digits.
    opener, dialog = calendar_of(page, "filter-date-from")
    assert opener.get_attribute("aria-label") == "انتخاب تاریخ برای «از تاریخ» از تقویم"
    opener.click()
    assert dialog.is_visible()
    assert opener.get_attribute("aria-expanded") == "true"
    shown = jdatetime.date.fromgregorian(date=today, locale="fa_IR")
    assert dialog.locator(".solar-calendar__title").inner_text() == l10n.digits(
        f"{shown.strftime('%B')} {shown.year}", "fa"
    )
    assert dialog.locator("th").all_inner_texts() == ["ش", "ی", "د", "س", "چ", "پ", "ج"]
    today_cell = dialog.locator(f'[data-date="{solar_hijri(today)}"]')
    assert today_cell.get_attribute("aria-current") == "date"
    assert today_cell.inner_text() == l10n.digits(str(shown.day), "fa")
    page.screenshot(path=screenshots / "fa-calendar-open.png", full_page=True)
    # axe-core on the page with the calendar open.
    assert axe_check(page, axe, "fa-list-calendar-open") == []
    dialog.get_by_role("button", name="امروز").click()
    assert dialog.is_hidden()
    assert date_from.input_value() == l10n.typed_date(today, "fa")

    # "To": five weeks on, a month or two ahead with the next-month button.
    opener, dialog = calendar_of(page, "filter-date-to")
    opener.click()
    for _ in range(months_between(today, last)):
        dialog.get_by_role("button", name="ماه بعد").click()
    dialog.locator(f'[data-date="{solar_hijri(last)}"]').click()
    assert page.locator("#filter-date-to").input_value() == l10n.typed_date(last, "fa")
    page.screenshot(path=screenshots / "fa-calendar-range-chosen.png", full_page=True)

    page.get_by_role("button", name=SHOW_EVENTS).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/fa/events/"
    chosen = {"date_from": l10n.typed_date(today, "fa"), "date_to": l10n.typed_date(last, "fa")}
    assert chosen.items() <= query(page).items()
    # The inputs show the dates as chosen; the meets of those days are listed.
    assert page.locator("#filter-date-from").input_value() == l10n.typed_date(today, "fa")
    assert page.locator("#filter-date-to").input_value() == l10n.typed_date(last, "fa")
    assert page.locator(".notice--warning").count() == 0
    assert card_slugs(page) == expected
    page.screenshot(path=screenshots / "fa-events-solar-hijri-range.png", full_page=True)

    # English: the same days, Gregorian, in the browser's own date inputs.
    page.locator("nav.language-switch").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/events/"
    same_days = {"date_from": today.isoformat(), "date_to": last.isoformat()}
    assert same_days.items() <= query(page).items()
    assert page.locator("#filter-date-from").get_attribute("type") == "date"
    assert page.locator("#filter-date-from").input_value() == today.isoformat()
    assert page.locator("#filter-date-to").input_value() == last.isoformat()
    assert card_slugs(page) == expected
    assert page.locator(".solar-calendar").count() == 0
    page.screenshot(path=screenshots / "en-events-same-range.png", full_page=True)


def focused_day(page):
    """The Gregorian day of the calendar's cell that has the focus."""
    typed = page.evaluate("document.activeElement.getAttribute('data-date')")
    return typed and l10n.read_date(typed)


def test_the_calendar_works_from_the_keyboard(site, page):
    pune = datetime.date(2025, 11, 6)  # 15 Aban 1404
    today = timezone.localdate()
    page.goto(site + "/fa/events/?when=all")
    opener, dialog = calendar_of(page, "filter-date-from")
    opener.focus()
    page.keyboard.press("Enter")
    assert focused_day(page) == today
    # Right to left: the left arrow is the next day, the right arrow the day before.
    page.keyboard.press("ArrowLeft")
    assert focused_day(page) == today + datetime.timedelta(days=1)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    assert focused_day(page) == today + datetime.timedelta(days=7)
    page.keyboard.press("Shift+PageDown")
    assert (
        solar_hijri(focused_day(page))[:7] == solar_hijri(today + datetime.timedelta(days=365))[:7]
    )
    # Escape closes it without choosing, and gives the focus back to its button.
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('solar-calendar__open')")
    assert page.locator("#filter-date-from").input_value() == ""

    # Open again (on today), back month by month to Aban 1404 with Page Up...
    page.keyboard.press("Enter")
    for _ in range(months_between(pune, today)):
        page.keyboard.press("PageUp")
    assert dialog.locator(".solar-calendar__title").inner_text() == "آبان ۱۴۰۴"
    # ... then by weeks and days to its 15th.
    while focused_day(page) != pune:
        gap = (pune - focused_day(page)).days
        if abs(gap) >= 7:
            page.keyboard.press("ArrowDown" if gap > 0 else "ArrowUp")
        else:
            page.keyboard.press("ArrowLeft" if gap > 0 else "ArrowRight")
    # Tab goes round the dialog's controls and back to the day.
    for _ in range(5):
        page.keyboard.press("Tab")
        assert dialog.evaluate("(dialog) => dialog.contains(document.activeElement)")
    assert focused_day(page) == pune
    # Enter chooses it.
    page.keyboard.press("Enter")
    assert dialog.is_hidden()
    assert page.locator("#filter-date-from").input_value() == "۱۴۰۴-۰۸-۱۵"
    page.locator("#filter-date-to").fill("1404/8/16")  # typed by hand, Latin digits
    page.get_by_role("button", name=SHOW_EVENTS).click()
    page.wait_for_load_state()
    assert "international-buyer-seller-meet-pune-2025" in card_slugs(page)
    assert card_slugs(page) == listed_between(pune, pune + datetime.timedelta(days=1))
    assert page.locator("#filter-date-to").input_value() == "1404/8/16"


def test_on_a_phone_the_calendar_fits_the_screen(site, browser, screenshots):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(site + "/fa/events/")
        page.locator("details.filters-panel > summary").evaluate(
            "summary => summary.parentElement.open = true"
        )
        opener, dialog = calendar_of(page, "filter-date-from")
        opener.tap()
        box = dialog.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert box["y"] >= 0 and box["y"] + box["height"] <= 740
        day = dialog.locator("[data-date]").first
        assert day.bounding_box()["width"] >= 36  # a finger's width
        page.screenshot(path=screenshots / "fa-calendar-phone.png")
        day.tap()
        assert page.locator("#filter-date-from").input_value().endswith("-۰۱")
    finally:
        context.close()


def test_the_calendar_counts_days_as_the_server_does(site, page):
    """Every day from 1300 to 1499 (1921 to 2121), both ways, and every leap year."""
    page.goto(site + "/fa/events/")
    first, last = datetime.date(1921, 3, 21), datetime.date(2121, 3, 21)
    days = (last - first).days
    script = """([year, month, day, days]) => {
        const calendar = window.SolarHijriCalendar, found = [];
        const moment = new Date(0);
        moment.setUTCFullYear(year, month - 1, day);
        for (let i = 0; i < days; i++, moment.setUTCDate(moment.getUTCDate() + 1)) {
            const g = [moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate()];
            const j = calendar.fromGregorian(...g);
            const back = calendar.toGregorian(j.year, j.month, j.day);
            const same = back.year === g[0] && back.month === g[1] && back.day === g[2];
            found.push([j.year, j.month, j.day, same]);
        }
        return found;
    }"""
    found = page.evaluate(script, [first.year, first.month, first.day, days])
    expected = []
    for offset in range(days):
        day = jdatetime.date.fromgregorian(date=first + datetime.timedelta(days=offset))
        expected.append([day.year, day.month, day.day, True])
    assert found == expected
    leap = page.evaluate(
        "[...Array(200).keys()].map(i => window.SolarHijriCalendar.isLeap(1300 + i))"
    )
    assert leap == [jdatetime.date(1300 + i, 1, 1).isleap() for i in range(200)]
    # And a date typed in either calendar means the same day to both.
    for typed in ("۱۴۰۵-۰۱-۰۱", "1403/12/30", "2026-03-21", "۱۴۰۴-۱۲-۳۰", "1405-13-01", "x"):
        parsed = page.evaluate("typed => window.SolarHijriCalendar.parse(typed)", typed)
        try:
            day = l10n.read_date(typed)
        except ValueError:
            day = None
        if day is None:
            assert parsed is None, typed
        else:
            assert l10n.solar_hijri_iso(day) == "{year:04d}-{month:02d}-{day:02d}".format(**parsed)


PASSWORD = "a-long-test-passphrase"


def test_a_persian_official_picks_an_events_dates_in_the_back_office(site, page, axe, screenshots):
    official = get_user_model().objects.create_superuser("calendar-official", "", PASSWORD)
    page.context.add_cookies([{"name": "django_language", "value": "fa", "url": site}])
    page.goto(site + reverse("admin:login") + "?next=/admin/")
    page.fill("#id_username", official.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    event = Event.objects.get(slug="ignite-2026-mumbai")  # 3 February 2026: 14 Bahman 1404
    url = site + reverse("admin:events_event_change", args=[event.pk])
    page.goto(url, wait_until="networkidle")
    start = page.locator("#id_start_date")
    assert start.input_value() == "۱۴۰۴-۱۱-۱۴"

    # The calendar opens on the event's month, its day chosen; the next day is picked.
    page.locator("#id_start_date ~ .solar-calendar__open").click()
    dialog = page.locator(".solar-calendar__dialog:visible")
    assert dialog.locator(".solar-calendar__title").inner_text() == "بهمن ۱۴۰۴"
    assert dialog.locator('[aria-selected="true"]').get_attribute("data-date") == "1404-11-14"
    page.screenshot(path=screenshots / "fa-admin-calendar-open.png")
    # axe-core finds nothing wrong in the calendar (the admin's own pages are Django's).
    page.evaluate(axe.script.read_text(encoding="utf-8"))
    problems = page.evaluate(
        """async () => (await axe.run(".solar-calendar__dialog:not([hidden])",
            {resultTypes: ["violations"]})).violations.map(v => `${v.id}: ${v.help} ` +
            v.nodes.map(n => n.target + " " + n.failureSummary).join("; "))"""
    )
    assert problems == []
    dialog.locator('[data-date="1404-11-15"]').click()
    assert start.input_value() == "۱۴۰۴-۱۱-۱۵"
    page.locator("#id_end_date").fill("1404/11/16")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()
    event.refresh_from_db()
    assert (event.start_date, event.end_date) == (
        datetime.date(2026, 2, 4),
        datetime.date(2026, 2, 5),
    )
    assert page.locator("#id_start_date").input_value() == "۱۴۰۴-۱۱-۱۵"
    assert page.locator("#id_end_date").input_value() == "۱۴۰۴-۱۱-۱۶"
    page.locator("#id_start_date").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "fa-admin-event-saved.png")

    # A session added on the page gets the calendar for its date, Django's clock for its time.
    sessions = page.locator("#sessions-group")
    before = sessions.locator(".solar-calendar__open").count()
    sessions.locator(".add-row a").click()
    assert sessions.locator(".solar-calendar__open").count() == before + 2  # starts, ends
    new_row = sessions.locator(".inline-related:not(.empty-form)").last
    new_row.locator(".solar-calendar__open").first.click()
    page.locator(".solar-calendar__dialog:visible").get_by_role("button", name="امروز").click()
    today = l10n.typed_date(timezone.localdate(), "fa")
    assert new_row.locator("input.vSolarHijriDateField").first.input_value() == today
    assert new_row.locator(".datetimeshortcuts .clock-icon").count() == 2  # Django's clocks
