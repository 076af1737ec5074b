"""The admin's "Export selected (Excel)" of many rows is a background job:
exactly the selected rows, through the asker's scope, in their language; the
request that starts it runs the same queries however many rows are chosen."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from backoffice.tasks import run_job
from events.exporters import EventsRegister
from events.models import Event
from portal.models import Job
from tests.conftest import organised_event
from tests.jobs import posted_job

LIST = reverse("admin:events_event_changelist")


@pytest.fixture
def meets(bodies, settings, jobs_folder):
    """Three more MSSIDC events, two of them review meetings; more than two rows is large."""
    settings.REPORT_JOB_ROWS = 2
    made = [
        organised_event(
            bodies.mssidc,
            title_en=f"Review meeting {n}",
            title_hi=f"समीक्षा बैठक {n}",
            kind=Event.Kind.REVIEW_MEETING,
        )
        for n in (1, 2)
    ]
    made.append(organised_event(bodies.mssidc, title_en="Trade fair", title_hi="व्यापार मेला"))
    bodies.meets = made
    return bodies


def sheet_of(client, job):
    data = b"".join(client.get(reverse("admin:portal_job_file", args=[job.pk])).streaming_content)
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    return list(rows[0]), [row[0] for row in rows[1:]]


def test_a_large_selection_is_a_job_of_the_selected_rows_in_the_officials_scope(
    client, meets, django_capture_on_commit_callbacks
):
    client.force_login(meets.publisher)
    client.cookies["django_language"] = "hi"
    chosen = [meets.pune, *meets.meets[:2]]
    tampered = [e.pk for e in chosen] + [meets.lucknow.pk]  # another body's event
    job, _response = posted_job(
        client,
        django_capture_on_commit_callbacks,
        LIST,
        {"action": "export_selected_xlsx", "_selected_action": tampered},
    )
    assert (job.kind, job.status, job.language) == ("report", "done", "hi")
    assert job.done == job.total == 3
    header, titles = sheet_of(client, job)
    assert header == [str(column) for column in EventsRegister().table("hi").header]
    assert "शीर्षक" in header  # Devanagari headers intact
    assert sorted(titles) == sorted(e.title_hi or e.title_en for e in chosen)


def test_select_all_keeps_the_lists_filters_not_its_keys(
    client, meets, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_JOB_ROWS = 1
    client.force_login(meets.publisher)
    job, _response = posted_job(
        client,
        django_capture_on_commit_callbacks,
        f"{LIST}?kind=review_meeting&p=1",
        {
            "action": "export_selected_xlsx",
            "select_across": "1",
            "_selected_action": [meets.meets[0].pk],
        },
    )
    assert job.params == {
        "selection": {"model": "events.event", "changelist": "kind=review_meeting"},
        "format": "xlsx",
    }
    _header, titles = sheet_of(client, job)
    # Every review meeting of MSSIDC's, and not Lucknow's, of another body.
    assert sorted(titles) == ["Review meeting 1", "Review meeting 2"]


def test_a_job_whose_filters_no_longer_apply_fails_saying_so(meets):
    job = Job.objects.create(
        kind="report",
        user=meets.publisher,
        title="Events",
        language="en",
        params={
            "selection": {"model": "events.event", "changelist": "no_such_field=1"},
            "format": "xlsx",
        },
    )
    run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "failed"
    assert "filters no longer apply" in job.errors[0]["messages"][0]


def test_a_small_selection_still_downloads_at_once(client, meets):
    client.force_login(meets.publisher)
    selected = [e.pk for e in meets.meets[:2]]
    response = client.post(LIST, {"action": "export_selected_xlsx", "_selected_action": selected})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not Job.objects.exists()


def test_a_large_csv_still_streams_in_the_request(client, meets):
    client.force_login(meets.publisher)
    selected = [e.pk for e in meets.meets]
    response = client.post(LIST, {"action": "export_selected_csv", "_selected_action": selected})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert not Job.objects.exists()


def test_starting_the_job_runs_the_same_queries_however_many_rows_are_chosen(client, meets):
    client.force_login(meets.publisher)

    def queries(events):
        data = {"action": "export_selected_xlsx", "_selected_action": [e.pk for e in events]}
        with CaptureQueriesContext(connection) as captured:
            assert client.post(LIST, data).status_code == 302
        return len(captured)

    queries([meets.pune, *meets.meets])  # the session, caches and such read once
    few = queries(meets.meets)
    many = [
        organised_event(meets.mssidc, title_en=f"Meet {n}", title_hi=f"संमेलन {n}") for n in range(6)
    ]
    assert queries([meets.pune, *meets.meets, *many]) == few
