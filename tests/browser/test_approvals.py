"""A change to a published meet waits for a publisher, who approves it in
Marathi (issue 15, point 4), as the two officials would in Chromium."""

import pytest
from django.contrib.auth.models import Group, User

from access.models import Membership
from access.roles import DATA_ENTRY, PUBLISHER
from events.models import Event, EventRevision
from orgs.models import Organisation

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"
PUNE = "international-buyer-seller-meet-pune-2025"
NEW_TITLE = "2nd International Buyer-Seller Meet, Pune: B2B meetings on both days"


def official(username, role):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug="mssidc"))
    return user


def log_in(context, site, user, lang):
    context.add_cookies([{"name": "django_language", "value": lang, "url": site}])
    page = context.new_page()
    page.goto(site + "/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_a_publisher_approves_a_clerks_change_in_marathi(site, browser, screenshots):
    clerk, publisher = official("mssidc-clerk", DATA_ENTRY), official("mssidc-publisher", PUBLISHER)
    pune = Event.objects.get(slug=PUNE)
    title = pune.title_en

    clerk_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = log_in(clerk_context, site, clerk, "en")
    page.goto(f"{site}/admin/events/event/{pune.pk}/change/")
    page.fill("#id_title_en", NEW_TITLE)
    page.locator("input[name=_save]").first.click()
    page.wait_for_load_state()
    assert "kept for a publisher" in page.locator(".messagelist").inner_text()
    page.screenshot(path=screenshots / "approval-1-clerk-change-kept.png", full_page=True)
    # The public page keeps the meet as it was.
    page.goto(f"{site}/en/events/{PUNE}/")
    assert title in page.locator("h1").inner_text()
    clerk_context.close()

    publisher_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = log_in(publisher_context, site, publisher, "mr")
    waiting = page.locator("#revisions-module")
    assert "मंजुरीच्या प्रतीक्षेतील बदल" in waiting.inner_text()
    page.screenshot(path=screenshots / "approval-2-publisher-home-mr.png", full_page=True)
    waiting.locator("a").first.click()
    page.wait_for_load_state()
    changes = page.locator("table.revision-changes").inner_text()
    assert title in changes and NEW_TITLE in changes
    page.screenshot(path=screenshots / "approval-3-review-mr.png", full_page=True)
    page.locator("input[name=_approve]").click()
    page.wait_for_load_state()
    assert "बदल मंजूर झाला" in page.locator(".messagelist").inner_text()
    page.screenshot(path=screenshots / "approval-4-approved-mr.png", full_page=True)
    page.goto(f"{site}/en/events/{PUNE}/")
    assert NEW_TITLE in page.locator("h1").inner_text()
    publisher_context.close()
    revision = EventRevision.objects.get()
    assert (revision.status, revision.decided_by) == (EventRevision.Status.APPROVED, publisher)
