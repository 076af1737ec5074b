"""The background worker's tasks of the back-office (Celery autodiscovers this module)."""

from celery import shared_task

from portal import jobs
from portal.models import Job

from . import jobs as backoffice_jobs
from . import scheduled


@shared_task
def run_job(job_id):
    """Build the report or do the import of the Job `job_id`, once (portal.jobs.run)."""
    kind = Job.objects.filter(pk=job_id).values_list("kind", flat=True).first()
    if kind == Job.Kind.REPORT:
        jobs.run(job_id, backoffice_jobs.build_report)
    elif kind == Job.Kind.IMPORT:
        jobs.run(job_id, backoffice_jobs.run_import)


@shared_task
def mail_scheduled_reports():
    """Build and mail the scheduled reports that are due (the beat's)."""
    return scheduled.send_due()
