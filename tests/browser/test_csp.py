"""The Content Security Policy breaks nothing: the pages work, and Chromium refuses nothing on them.

Chromium reports each refusal twice: a `securitypolicyviolation` event in the
page, which a script added here passes on, and a line in the console.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from events.models import Event
from portal import progress
from portal.models import Job

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"
# The demo event with the most on its page: sessions, roles, figures, B2B meetings.
DETAIL_SLUG = "international-buyer-seller-meet-pune-2025"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.reportCspViolation(
  `${event.violatedDirective} refused ${event.blockedURI || "inline"} on ${location.pathname}`
));
"""


@pytest.fixture
def violations(page):
    """What the Content Security Policy refused on any page that `page` shows."""
    refused = []

    def report(text):
        refused.append(text)

    def console(message):
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.expose_function("reportCspViolation", report)
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", console)
    return refused


@pytest.fixture
def official(demo):
    return get_user_model().objects.create_superuser("csp-official", "", PASSWORD)


def log_in(site, page, official):
    page.goto(site + reverse("admin:login") + "?next=/admin/")
    page.fill("#id_username", official.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#user-tools").count() == 1


def test_the_public_pages_break_no_rule(site, page, violations):
    for path in (
        "/en/",
        "/en/events/?when=all",
        "/fa/stats/",
        "/fa/account/signup/",
        f"/mr/events/{DETAIL_SLUG}/",
    ):
        page.goto(site + path, wait_until="networkidle")
        assert page.locator("h1").count() == 1, path

    # The event's schema.org data is a data block, not a script: nothing to refuse.
    assert page.locator('script[type="application/ld+json"]').count() == 1

    # The Solar Hijri calendar of the Persian list's date filters.
    page.goto(site + "/fa/events/", wait_until="networkidle")
    page.locator("#filter-date-from ~ .solar-calendar__open").click()
    page.locator(".solar-calendar__dialog:visible [data-date]").first.click()
    assert page.locator("#filter-date-from").input_value()
    assert violations == []


def test_the_event_form_works_under_the_policy(site, page, violations, official):
    log_in(site, page, official)
    event = Event.objects.get(slug=DETAIL_SLUG)
    page.goto(
        site + reverse("admin:events_event_change", args=[event.pk]), wait_until="networkidle"
    )

    # modeltranslation's tabs (jQuery UI): one per language.
    tabs = page.locator(".ui-tabs-nav").first.get_by_role("tab")
    assert tabs.count() == 4
    tabs.nth(2).click()
    assert tabs.nth(2).get_attribute("aria-selected") == "true"

    # An autocomplete asks the server for its choices, and one is picked.
    page.locator(".field-schemes .select2-selection").click()
    # Choices not yet chosen; the "Searching…" line while they load is not one.
    choices = page.locator(".select2-results__option[aria-selected=false]")
    choices.first.wait_for()
    chosen = choices.first.inner_text()
    choices.first.click()
    assert chosen in page.locator(".field-schemes .select2-selection").inner_text()

    # The calendar next to a date.
    page.locator(".field-start_date .datetimeshortcuts a").last.click()
    assert page.locator(".calendarbox:visible").count() == 1
    page.keyboard.press("Escape")

    # On a Persian page, the portal's Solar Hijri calendar in place of Django's;
    # a session's time keeps Django's clock.
    page.context.add_cookies([{"name": "django_language", "value": "fa", "url": site}])
    page.goto(
        site + reverse("admin:events_event_change", args=[event.pk]), wait_until="networkidle"
    )
    assert page.locator(".field-start_date .datetimeshortcuts").count() == 0
    page.locator("#id_start_date ~ .solar-calendar__open").click()
    page.locator(".solar-calendar__dialog:visible").get_by_role("button", name="امروز").click()
    assert page.locator("#id_start_date").input_value()
    page.locator(".inline-related:not(.empty-form) .vTimeField").first.wait_for()
    page.locator(".inline-related:not(.empty-form) .datetimeshortcuts .clock-icon").first.click()
    assert page.locator(".clockbox:visible").count() == 1
    page.keyboard.press("Escape")

    # Its change history (django-simple-history).
    page.goto(
        site + reverse("admin:events_event_history", args=[event.pk]), wait_until="networkidle"
    )
    assert page.locator("#change-history").count() == 1
    assert violations == []


def test_an_import_job_and_a_reports_progress_show_under_the_policy(
    site, page, violations, official, tmp_path
):
    upload = tmp_path / "organisations.csv"
    upload.write_text(
        "name,kind,country,udyam_number,iec\n"
        "Kolhapur Foundry Exports Pvt. Ltd.,msme,IN,UDYAM-MH-26-7700001,\n",
        encoding="utf-8",
    )
    log_in(site, page, official)
    page.goto(site + reverse("admin:orgs_organisation_import"), wait_until="networkidle")
    page.set_input_files("input[type=file]", str(upload))
    page.select_option("select[name=format]", label="csv")
    with page.expect_navigation():
        page.locator("input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    # The worker ran at once (tasks are eager in tests): the job's page counts the row.
    assert page.locator("dd").first.inner_text() == "1"
    assert violations == []

    # A report still being built: progress.js moves the bar as the worker
    # reports, and shows the file once the job is done.
    job = Job.objects.create(
        kind="report", user=official, title="Events register", language="en", status="running"
    )
    progress.publish(job, {"done": 10, "total": 100})
    page.goto(site + reverse("admin:portal_job_change", args=[job.pk]), wait_until="networkidle")
    bar = page.locator("progress")
    assert bar.evaluate("element => element.value") == 10
    progress.publish(job, {"done": 60, "total": 100})
    expect(page.locator('[data-field="done"]')).to_have_text("60", timeout=10_000)
    assert bar.evaluate("element => element.value") == 60
    Job.objects.filter(pk=job.pk).update(status="done", done=100, total=100)
    page.get_by_text("Download").wait_for(timeout=10_000)
    assert violations == []
