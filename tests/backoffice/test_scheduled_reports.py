"""Scheduled reports: the monthly outcomes summary built for each report viewer
named, in their scope and language, and mailed once a month; the admin where
officials set them up."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from backoffice import scheduled
from events.models import Event
from portal.models import Job, ReportRecipient, ScheduledReport
from tests.admin_forms import form_errors, inline_rows

DECEMBER_1 = datetime.date(2026, 12, 1)


@pytest.fixture
def monthly(bodies, jobs_folder):
    """The monthly outcomes summary by state, for MSSIDC's report viewer (in
    Marathi) and the state administrator (in English); both bodies' meets held
    in November."""
    Event.objects.update(start_date=datetime.date(2026, 11, 10), end_date=None)
    schedule = ScheduledReport.objects.create(
        name="Monthly outcomes",
        owner=bodies.viewer,
        report="outcomes",
        format="xlsx",
        options={"group_by": "state"},
        frequency=ScheduledReport.Frequency.MONTHLY,
    )
    ReportRecipient.objects.create(schedule=schedule, user=bodies.viewer, language="mr")
    ReportRecipient.objects.create(schedule=schedule, user=bodies.administrator, language="en")
    bodies.viewer.email, bodies.administrator.email = "viewer@mssidc.in", "admin@india.gov.in"
    bodies.viewer.save(), bodies.administrator.save()
    return schedule


def send(today, capture_on_commit):
    with capture_on_commit(execute=True):
        return scheduled.send_due(today)


def events_counted(job):
    """The total row's events of an outcomes summary kept as an XLSX job file."""
    with job.file.open("rb") as kept:
        sheet = load_workbook(io.BytesIO(kept.read())).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    return rows[-1][1]


def test_the_monthly_summary_is_built_for_each_recipient_and_mailed_once(
    monthly, bodies, django_capture_on_commit_callbacks
):
    assert send(DECEMBER_1, django_capture_on_commit_callbacks) == 1
    jobs = {job.user: job for job in Job.objects.all()}
    assert set(jobs) == {bodies.viewer, bodies.administrator}
    assert all(job.status == "done" for job in jobs.values())
    assert jobs[bodies.viewer].params["date_from"] == "2026-11-01"
    assert jobs[bodies.viewer].params["date_to"] == "2026-11-30"
    # Each in their own scope: the MSSIDC viewer's holds the Pune meet alone.
    assert events_counted(jobs[bodies.viewer]) == 1
    assert events_counted(jobs[bodies.administrator]) == 2

    mails = {message.to[0]: message for message in mail.outbox}
    marathi = mails["viewer@mssidc.in"]
    assert marathi.subject == "तुमचा नियोजित अहवाल: Monthly outcomes"
    assert "१ नोव्हेंबर, २०२६" in marathi.body and "३० नोव्हेंबर, २०२६" in marathi.body
    link = reverse("admin:portal_job_change", args=[jobs[bodies.viewer].pk])
    assert link in marathi.body
    assert "is ready" in mails["admin@india.gov.in"].body

    # The beat runs every hour: not again this month; again on 1 January.
    assert send(DECEMBER_1, django_capture_on_commit_callbacks) == 0
    assert send(datetime.date(2026, 12, 20), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2
    assert send(datetime.date(2027, 1, 1), django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 4


def test_a_weekly_report_covers_last_week_and_an_inactive_one_is_not_sent(
    monthly, django_capture_on_commit_callbacks
):
    monthly.frequency = ScheduledReport.Frequency.WEEKLY
    monthly.save()
    wednesday = datetime.date(2026, 12, 9)
    assert scheduled.period("weekly", wednesday) == (
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 6),
    )
    ScheduledReport.objects.update(active=False)
    assert send(wednesday, django_capture_on_commit_callbacks) == 0
    assert not Job.objects.exists() and not mail.outbox


def test_an_official_sets_up_a_schedule_for_report_viewers_only(client, bodies):
    client.force_login(bodies.publisher)
    client.cookies["django_language"] = "hi"
    url = reverse("admin:portal_scheduledreport_add")
    page = client.get(url)
    recipients = page.context["inline_admin_formsets"][0].formset.forms[0].fields["user"]
    choices = set(recipients.queryset)
    assert {bodies.viewer, bodies.publisher} <= choices and bodies.clerk not in choices
    response = client.post(
        url,
        {
            "name": "Monthly outcomes",
            "report": "outcomes",
            "format": "pdf",
            "frequency": "monthly",
            "active": "on",
            "group_by": "scheme",
            "scheme": "",
            **inline_rows("recipients", [{"user": bodies.viewer.pk, "language": "mr"}]),
        },
    )
    assert response.status_code == 302, form_errors(response)
    schedule = ScheduledReport.objects.get()
    assert (schedule.owner, schedule.options) == (bodies.publisher, {"group_by": "scheme"})
    assert [(r.user, r.language) for r in schedule.recipients.all()] == [(bodies.viewer, "mr")]

    changelist = reverse("admin:portal_scheduledreport_changelist")
    assert "Monthly outcomes" in client.get(changelist).content.decode()
    client.force_login(bodies.viewer)  # not theirs: not listed
    assert "Monthly outcomes" not in client.get(changelist).content.decode()
    client.force_login(bodies.clerk)  # may not export reports
    assert client.get(changelist).status_code == 403
