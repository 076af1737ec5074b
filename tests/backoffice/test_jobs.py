"""Reports as background jobs: a large report's progress page, its file kept
for its owner alone, the list of one's reports; a job run twice keeps one
file; a job left running by a lost worker is done by the next delivery."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from backoffice.tasks import run_job
from portal import progress
from portal.models import Job
from tests.jobs import posted_job
from tests.report_files import pdf_text

REPORT = {"report": "events", "language": "mr", "format": "xlsx"}


@pytest.fixture
def large(settings, jobs_folder):
    """Every XLSX or PDF report is large."""
    settings.REPORT_JOB_ROWS = settings.REPORT_PDF_JOB_ROWS = 0
    return jobs_folder


def titles_in(data):
    sheet = load_workbook(io.BytesIO(data)).active
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_a_large_report_is_a_job_whose_file_waits_for_its_owner_alone(
    client, bodies, large, django_capture_on_commit_callbacks
):
    client.force_login(bodies.viewer)
    client.cookies["django_language"] = "mr"
    job, response = posted_job(
        client, django_capture_on_commit_callbacks, reverse("admin-reports"), REPORT, "get"
    )
    assert (job.kind, job.status, job.user, job.language) == ("report", "done", bodies.viewer, "mr")
    assert job.done == job.total == 1  # the MSSIDC official's scope: the Pune meet alone

    page = client.get(response["Location"]).content.decode()
    download = reverse("admin:portal_job_file", args=[job.pk])
    assert download in page and "डाउनलोड" in page
    data = b"".join(client.get(download).streaming_content)
    assert titles_in(data) == ["आंतरराष्ट्रीय खरेदीदार-विक्रेता संमेलन, पुणे"]

    listing = client.get(reverse("admin:portal_job_changelist")).content.decode()
    assert "माझे अहवाल आणि आयात" in listing and job.title in listing

    client.force_login(bodies.publisher)  # of the same body, but not the asker
    assert client.get(download).status_code == 404
    assert client.get(response["Location"]).status_code in (302, 404)
    assert job.title not in client.get(reverse("admin:portal_job_changelist")).content.decode()


def test_a_small_report_still_downloads_at_once(client, bodies):
    client.force_login(bodies.viewer)
    response = client.get(reverse("admin-reports"), REPORT)
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    assert not Job.objects.exists()


def test_a_report_filtered_down_to_few_records_downloads_at_once(admin_client, bodies, settings):
    # Two events in all, one of them a review meeting: it is the filtered
    # report's size, not the records in scope, that makes a job.
    settings.REPORT_JOB_ROWS = 1
    filtered = {**REPORT, "kind": "review_meeting", "language": "hi"}
    response = admin_client.get(reverse("admin-reports"), filtered)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert titles_in(response.content) == ["निर्यात प्रोत्साहन समीक्षा बैठक, लखनऊ"]
    assert not Job.objects.exists()
    assert admin_client.get(reverse("admin-reports"), REPORT)["Location"].startswith(
        "/admin/portal/job/"
    )


def test_a_pdf_is_a_job_sooner_than_an_excel_report(admin_client, bodies, settings, jobs_folder):
    settings.REPORT_JOB_ROWS, settings.REPORT_PDF_JOB_ROWS = 10, 1
    response = admin_client.get(reverse("admin-reports"), REPORT)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = admin_client.get(reverse("admin-reports"), {**REPORT, "format": "pdf"})
    assert response.status_code == 302 and Job.objects.get().params["format"] == "pdf"


def test_a_running_jobs_page_shows_its_progress_polled_or_refreshed(client, bodies):
    job = Job.objects.create(
        kind="report", user=bodies.viewer, title="Events", language="mr", status="running"
    )
    progress.publish(job, {"done": 1200, "total": 5000})
    client.force_login(bodies.viewer)
    client.cookies["django_language"] = "mr"
    page = client.get(reverse("admin:portal_job_change", args=[job.pk])).content.decode()
    assert '<progress value="1200" max="5000">' in page
    assert '<meta http-equiv="refresh" content="5">' in page  # without JavaScript
    assert "progress.js" in page
    answer = client.get(reverse("admin:portal_job_progress", args=[job.pk])).json()
    assert answer["finished"] is False
    assert answer["progress"] == {"done": "१,२००", "total": "५,०००"}
    assert (answer["value"], answer["max"]) == (1200, 5000)


def test_a_job_run_twice_keeps_one_file_and_a_job_left_running_is_finished(
    bodies, large, django_capture_on_commit_callbacks
):
    # As a worker killed mid-job leaves it: running, perhaps with a file half kept.
    job = Job.objects.create(
        kind="report",
        user=bodies.viewer,
        title="Events",
        language="en",
        params=REPORT,
        status="running",
    )
    (large / str(job.pk)).mkdir(parents=True)
    (large / str(job.pk) / "half-written.xlsx").write_bytes(b"PK")
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "done"
    first = job.file.name
    run_job(job.pk)  # delivered again: nothing to do
    job.refresh_from_db()
    assert job.file.name == first
    assert [p.name for p in (large / str(job.pk)).iterdir()] == [first.split("/")[-1]]


def test_my_reports_list_runs_the_same_queries_for_many_jobs(client, bodies):
    client.force_login(bodies.viewer)
    url = reverse("admin:portal_job_changelist")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    Job.objects.create(kind="report", user=bodies.viewer, title="One", language="en")
    few = queries()
    Job.objects.bulk_create(
        Job(kind="report", user=bodies.viewer, title=f"Job {n}", language="en") for n in range(30)
    )
    assert queries() == few


def test_a_pdf_of_several_chunks_is_a_job_whose_file_is_one_pdf_of_every_record(
    client, bodies, large, settings, django_capture_on_commit_callbacks, tmp_path
):
    settings.REPORT_PDF_CHUNK_ROWS = 1  # both bodies' events: two chunks, joined
    client.force_login(bodies.administrator)
    client.cookies["django_language"] = "hi"
    job, _response = posted_job(
        client,
        django_capture_on_commit_callbacks,
        reverse("admin-reports"),
        {**REPORT, "language": "en", "format": "pdf"},
        "get",
    )
    assert (job.status, job.done, job.total) == ("done", 2, 2)
    with job.file.open("rb") as pdf:
        text = pdf_text(pdf.read(), tmp_path)
    assert text.count("Events register") == 1  # the title, on the first page only
    assert "Pune" in text and "Lucknow" in text
