"""The background worker's tasks of matchmaking."""

from celery import shared_task
from django.utils import timezone

from . import follow_up, planning
from .models import SchedulerRun


@shared_task
def run_scheduler(run_id):
    """Solve and write the schedule of a queued run; a run already started is left alone.

    With late acknowledgement a task may run twice (a worker lost mid-run):
    the second finds the run no longer queued and does nothing.
    """
    claimed = SchedulerRun.objects.filter(pk=run_id, status=SchedulerRun.Status.QUEUED).update(
        status=SchedulerRun.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    run = SchedulerRun.objects.select_related("event__matchmaking_settings").get(pk=run_id)
    # Imported here: OR-Tools holds some 90 MB, which no web process needs.
    from .scheduler import solve

    try:
        planning.schedule(run, solve)
    except Exception as error:
        SchedulerRun.objects.filter(pk=run_id).update(
            status=SchedulerRun.Status.FAILED, error=repr(error), finished_at=timezone.now()
        )
        raise


@shared_task
def mail_follow_ups():
    """The follow-up rounds that are due, to both sides of each held meeting (the beat's)."""
    return follow_up.due()
