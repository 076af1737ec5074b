"""A rescheduled meet in Chromium (issue 15, point 2): a Persian visitor picks
"rescheduled" in the list's filters, sees the meet marked on its card, and
reads on its page when it was first to be held, in the Solar Hijri calendar;
the page breaks no accessibility rule, on a desk and on a phone."""

import datetime

import pytest

from events.models import Event
from tests.browser.test_public_pages import axe_check, choose, url

pytestmark = pytest.mark.browser

LUCKNOW = "up-msme-review-meeting-lucknow-2024"


def test_a_persian_visitor_finds_a_rescheduled_meet_and_its_first_dates(
    site, page, axe, screenshots
):
    # As an official would record it: moved a week on, and now also online.
    event = Event.objects.get(slug=LUCKNOW)
    event.previous_start_date, event.previous_end_date = event.start_date, event.end_date
    event.start_date = datetime.date(2027, 3, 21)
    event.end_date = None
    event.schedule, event.format = Event.Schedule.RESCHEDULED, Event.Format.HYBRID
    event.online_url = "https://meet.example.org/lucknow-review"
    event.save()

    page.goto(site + url("fa", "events:list"))
    choose(page, "وضعیت رویداد", "rescheduled")
    cards = page.locator(".event-card")
    assert cards.count() == 1
    assert "با زمان‌بندی تازه" in cards.first.locator(".event-card__schedule").inner_text()
    page.screenshot(path=screenshots / "status-1-list-fa.png", full_page=True)

    with page.expect_navigation():
        cards.first.locator("a").first.click()
    notice = page.locator(".notice--schedule")
    first_held = "۲۲ اسفند ۱۴۰۲"  # 12 March 2024, the demo meeting's day
    assert first_held in notice.inner_text()
    assert page.get_by_role("link", name="پیوستن برخط").get_attribute("href") == (
        "https://meet.example.org/lucknow-review"
    )
    assert axe_check(page, axe, "fa-rescheduled") == []
    page.screenshot(path=screenshots / "status-2-event-fa.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshots / "status-3-event-fa-phone.png", full_page=True)
