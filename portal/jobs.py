"""Running a background job (portal.models.Job) once, however often its task runs.

Tasks are acknowledged late (CELERY_TASK_ACKS_LATE): a job whose worker is
killed is delivered again, and Redis hands a task still running after the
broker's visibility timeout to a second worker. So `run` does the work
inside one transaction that holds the job's row locked: a second delivery
waits for the first and then finds the job finished; a run cut short
committed nothing (an import wrote no row), and the next does it all again.
The file a job keeps goes in a folder of its own, emptied before it is
written, so that a run repeated leaves one file.
"""

import logging
import time

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import progress
from .models import Job

logger = logging.getLogger(__name__)

# How often, at most, a job's figures are published for its page.
REPORT_EVERY = 0.5  # seconds


class Refused(Exception):
    """The job cannot be done as asked: `errors` (portal.models.Job.errors) say why."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class Progress:
    """Counts a job's rows and publishes the figures for its page, twice a second at most."""

    def __init__(self, job):
        self.job, self.done, self.total, self.published = job, 0, 0, 0.0

    def start(self, total):
        self.total = total
        self.publish()

    def tick(self, rows=1):
        self.done += rows
        if time.monotonic() - self.published >= REPORT_EVERY:
            self.publish()

    def counted(self, rows):
        """`rows`, counting each as it is read."""
        for row in rows:
            self.tick()
            yield row

    def publish(self):
        self.published = time.monotonic()
        progress.publish(self.job, {"done": self.done, "total": self.total})


def run(job_id, work):
    """Do `work(job, progress)` for the Job `job_id`, in the requester's language.

    `work` returns the import's counts (or {}) or raises Refused; any other
    error fails the job with a general message, and is raised again for the
    worker's log.
    """
    Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now()
    )
    try:
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=job_id).first()
            if job is None or job.finished:
                return  # done by an earlier delivery
            counter = Progress(job)
            with translation.override(job.language):
                try:
                    job.outcome = work(job, counter) or {}
                    job.status = Job.Status.DONE
                except Refused as refused:
                    job.errors, job.status = refused.errors, Job.Status.FAILED
            job.done, job.total = counter.done, max(counter.total, counter.done)
            job.finished_at = timezone.now()
            job.save()
    except Exception:
        with translation.override(Job.objects.get(pk=job_id).language):
            message = _("The job failed; ask again, or tell the portal's administrators.")
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED,
            errors=[{"row": None, "column": None, "messages": [message]}],
            finished_at=timezone.now(),
        )
        raise


def keep(job, name, content):
    """Store `content` (a django.core.files.File) as the job's file `name`, alone in its folder."""
    folder = f"{job.pk}"
    storage = job.file.storage
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        files = []  # a folder on disk is made by the first file
    for old in files:
        storage.delete(f"{folder}/{old}")
    job.file.save(f"{folder}/{name}", content, save=False)
