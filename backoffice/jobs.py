"""Reports and imports as background jobs (portal.models.Job, run by backoffice.tasks).

A report reading more than settings.REPORT_JOB_ROWS records as XLSX, or
REPORT_PDF_JOB_ROWS as PDF (from the Reports page, or the rows an "export selected" action chose),
is built by the worker, not in the request: the official is sent to the
job's page, which shows its progress and then offers the file. Every import
is a job: the upload is kept, and the worker checks and writes it, all or
nothing, as the admin's import did (backoffice.importing).
"""

import tempfile

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files import File
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language

from access.scope import UserScope
from portal import jobs
from portal.models import Job
from portal.reports import formats

from . import scheduled, selection
from .forms import ReportForm


def start(request, kind, title, params, upload=None):
    """Make the user's job, keep `upload` as its file, and queue it once the job is written."""
    # Imported here: the tasks module imports this one.
    from .tasks import run_job

    job = Job.objects.create(
        kind=kind, user=request.user, title=str(title), language=get_language(), params=params
    )
    if upload is not None:
        jobs.keep(job, upload.name, upload)
        job.save(update_fields=["file"])
    transaction.on_commit(lambda: run_job.delay(job.pk))
    return HttpResponseRedirect(reverse("admin:portal_job_change", args=[job.pk]))


# Reports


def is_large(fmt, records):
    """Whether the report is built by the worker: an XLSX or a PDF of many records.

    A PDF sooner: WeasyPrint lays out some 30 rows a second, an XLSX is
    written at thousands.
    """
    limit = settings.REPORT_PDF_JOB_ROWS if fmt == "pdf" else settings.REPORT_JOB_ROWS
    return fmt != "csv" and records > limit


def build_report(job, progress):
    """The report the job asks for (`asked_report`), read through the
    requester's scope, kept as the job's file."""
    exporter, fmt, language = asked_report(job)
    progress.start(exporter.count())
    table = exporter.table(language)
    table.rows = progress.counted(table.rows)
    # Written to a local temporary file first: a storage (S3) takes a whole file.
    with tempfile.TemporaryFile() as out:
        formats.write(table, fmt, out)
        out.seek(0)
        jobs.keep(job, formats.filename(table, fmt), File(out))
    if "schedule" in job.params:
        scheduled.mail_ready(job)
    return {}


def asked_report(job):
    """The job's exporter, format and language: from the Reports page's form
    data, or the rows an "export selected" action chose (backoffice.selection)."""
    if "selection" in job.params:
        exporter = selection.exporter(job.params["selection"], job.user)
        return exporter, job.params["format"], job.language
    form = ReportForm(job.params)
    if not form.is_valid():
        raise jobs.Refused(
            [
                {"row": None, "column": str(form[name].label), "messages": list(messages)}
                for name, messages in form.errors.items()
            ]
        )
    exporter = form.exporter(UserScope(job.user))
    return exporter, form.cleaned_data["format"], form.cleaned_data["language"]


# Imports


def run_import(job, progress):
    """Import the job's kept spreadsheet through its admin's resource; all or nothing."""
    modeladmin = admin.site.get_model_admin(job_model(job))
    resource = modeladmin.job_resource(job)
    resource.on_row = progress.tick
    input_format = modeladmin.get_import_formats()[job.params["format"]]()
    if not input_format.is_binary():
        input_format.encoding = modeladmin.from_encoding
    with job.file.open("rb") as upload:
        data = upload.read()
    try:
        dataset = input_format.create_dataset(data)
    except Exception as error:  # the library's readers raise anything on a bad file
        raise jobs.Refused([{"row": None, "column": None, "messages": [str(error)]}]) from error
    progress.start(len(dataset))
    result = resource.import_data(
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    if result.has_errors() or result.has_validation_errors():
        raise jobs.Refused(refusals(result))
    return {kind: count for kind, count in result.totals.items() if count}


def job_model(job):
    return apps.get_model(job.params["model"])


def refusals(result):
    """An import's errors as Job.errors: row number (as the preview numbered
    them), the column as the file named it, the messages."""
    found = [
        {"row": None, "column": None, "messages": [str(error.error)]}
        for error in result.base_errors
    ]
    for number, errors in result.row_errors():
        found += [{"row": number, "column": None, "messages": [str(e.error)]} for e in errors]
    for invalid in result.invalid_rows:
        for column, messages in invalid.error_dict.items():
            column = None if column == NON_FIELD_ERRORS else column
            found.append({"row": invalid.number, "column": column, "messages": list(messages)})
    return found
