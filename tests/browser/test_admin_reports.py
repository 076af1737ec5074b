"""An official downloads a report from the back-office, as a person would:
at once, or, for a large report, from its job's page once the worker is done."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from playwright.sync_api import expect

from backoffice import tasks
from portal import l10n, progress
from portal.models import Job

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"


@pytest.fixture
def official(demo):
    return get_user_model().objects.create_superuser("reports-official", "", PASSWORD)


def log_in(page, site, official):
    page.goto(site + "/admin/login/?next=/admin/")
    page.fill("#id_username", official.username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_load_state()
    # The Reports page is reachable from the admin's home.
    page.locator("a[href='/admin/reports/']").first.click()
    page.wait_for_load_state()


def test_an_official_downloads_the_events_register_in_marathi(site, page, official):
    log_in(page, site, official)
    page.select_option("#id_report", "events")
    page.select_option("#id_language", "mr")
    page.select_option("#id_format", "csv")
    with page.expect_download() as download_info:
        page.locator("input[type=submit]").click()
    download = download_info.value

    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("\ufeff")  # Excel then reads the Devanagari right
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert any("द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद" in cell for row in rows for cell in row)
    assert len(rows) > 4  # a header and the demo events


def test_a_large_report_shows_its_progress_then_its_file_in_hindi(
    site, context, page, official, settings, screenshots, monkeypatch, jobs_folder
):
    settings.REPORT_JOB_ROWS = 0  # every XLSX is large enough to be a job
    context.add_cookies([{"name": "django_language", "value": "hi", "url": site}])
    # The job is the worker's task: queued by the page, run below as the worker would.
    queued = []
    monkeypatch.setattr(tasks.run_job, "delay", queued.append)
    log_in(page, site, official)
    page.select_option("#id_report", "events")
    page.select_option("#id_language", "hi")
    page.select_option("#id_format", "xlsx")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()

    job = Job.objects.get(pk=queued[0])
    content = page.locator("#content-main")
    expect(content).to_contain_text("कतार में")  # queued
    # The worker takes the job up and reports its rows; the page says so and
    # moves its bar without a reload.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    progress.publish(job, {"done": 2, "total": 5})
    expect(content.locator("[data-job-status]")).to_have_text("चल रहा है")  # running
    expect(content.locator("[data-field=done]")).to_have_text(l10n.number(2, "hi"))
    expect(content.locator("[data-field=total]")).to_have_text(l10n.number(5, "hi"))
    assert content.locator("progress").evaluate("bar => [bar.value, bar.max]") == [2, 5]
    assert "पूरी हुई पंक्तियाँ" in content.inner_text()  # rows done
    page.screenshot(path=screenshots / "report-job-1-running-hi.png", full_page=True)

    # Once the job is done, the page reloads itself and offers the file.
    tasks.run_job(job.pk)
    download_link = page.locator("a.button[download]")
    expect(download_link).to_have_text("डाउनलोड करें")
    expect(content).to_contain_text("पूरा")  # done
    page.screenshot(path=screenshots / "report-job-2-done-hi.png", full_page=True)
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "द्वितीय अंतरराष्ट्रीय क्रेता-विक्रेता सम्मेलन, पुणे" in cells
