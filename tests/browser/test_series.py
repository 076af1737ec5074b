"""The Pune meet's editions, as a Marathi visitor follows them in Chromium
(issue 15, point 3), and the series' page on a Persian phone."""

import pytest

pytestmark = pytest.mark.browser

PUNE = "international-buyer-seller-meet-pune-2025"
SERIES = "international-buyer-seller-meet-pune"
FIRST = "प्रथम आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
SECOND = "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"


def test_a_marathi_visitor_goes_from_the_2nd_pune_meet_to_its_series(site, page, screenshots):
    page.goto(f"{site}/mr/events/{PUNE}/")
    editions = page.locator("section", has=page.locator("h2#editions"))
    assert "या मालिकेच्या आवृत्त्या" in editions.locator("h2").inner_text()
    assert "आवृत्ती २" in editions.inner_text()
    # This edition is marked; the 1st is a link to its page.
    assert SECOND in editions.locator('tr[aria-current="page"]').inner_text()
    assert editions.get_by_role("link", name=FIRST).count() == 1
    editions.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "series-1-event-mr.png", full_page=True)

    editions.get_by_role("link", name="आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे").click()
    page.wait_for_load_state()
    assert page.url == f"{site}/mr/series/{SERIES}/"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे"
    )
    rows = page.locator("table.editions tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).inner_text().startswith("१")
    assert FIRST in rows.nth(0).inner_text() and SECOND in rows.nth(1).inner_text()
    assert "५०० हून अधिक" in rows.nth(1).inner_text()
    page.screenshot(path=screenshots / "series-2-series-page-mr.png", full_page=True)

    # The feed the page names is there.
    feed = page.get_by_role("link", name="या मालिकेची फीड (Atom)")
    response = page.request.get(site + feed.get_attribute("href"))
    assert response.ok and SECOND in response.text()


def test_the_series_page_on_a_persian_phone_scrolls_its_table_not_the_page(
    site, browser, screenshots
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site}/fa/series/{SERIES}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("table.editions tbody tr").count() == 2
    # The table is wider than the phone: it scrolls in its own region.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    page.screenshot(path=screenshots / "series-3-series-page-fa-phone.png", full_page=True)
    context.close()
