"""Scheduled reports (portal.models.ScheduledReport), like pretix's scheduled exports.

The worker's beat calls `send_due` every hour. A report is due once in each
period, on its first beat after the period starts (the 1st of the month, or a
Monday), and covers the last whole period (the previous month or week). For
each recipient it makes a report job of that recipient's own (their scope,
their language); when the job has built the file, the recipient is mailed a
link to it (`mail_ready`): the file is kept where only they can download it,
not sent through the mail. The schedule's row is locked while it is handled
and marked sent in the same transaction, so that a beat run twice mails once.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal import l10n
from portal.mail import send_later
from portal.models import Job, ScheduledReport

from .forms import EXPORTERS


def period(frequency, today):
    """(first day, last day) of the whole period before the one `today` is in."""
    if frequency == ScheduledReport.Frequency.MONTHLY:
        last = today.replace(day=1) - datetime.timedelta(days=1)
        return last.replace(day=1), last
    monday = today - datetime.timedelta(days=today.weekday())
    return monday - datetime.timedelta(days=7), monday - datetime.timedelta(days=1)


def is_due(schedule, today):
    _first, last = period(schedule.frequency, today)
    return schedule.last_sent_on is None or schedule.last_sent_on <= last


def send_due(today=None):
    """Queue the jobs of every active schedule that is due; the number of schedules handled."""
    # Imported here: the tasks module imports this one.
    from .tasks import run_job

    today = today or timezone.localdate()
    handled = 0
    for pk in ScheduledReport.objects.filter(active=True).values_list("pk", flat=True):
        with transaction.atomic():
            schedule = ScheduledReport.objects.select_for_update().filter(pk=pk).first()
            if schedule is None or not is_due(schedule, today):
                continue
            first, last = period(schedule.frequency, today)
            for recipient in schedule.recipients.select_related("user"):
                params = {
                    **schedule.options,
                    "report": schedule.report,
                    "format": schedule.format,
                    "language": recipient.language,
                    "date_from": first.isoformat(),
                    "date_to": last.isoformat(),
                    "schedule": schedule.pk,
                }
                job = Job.objects.create(
                    kind=Job.Kind.REPORT,
                    user=recipient.user,
                    title=schedule.name,
                    language=recipient.language,
                    params=params,
                )
                transaction.on_commit(lambda job_id=job.pk: run_job.delay(job_id))
            schedule.last_sent_on = today
            schedule.save(update_fields=["last_sent_on"])
            handled += 1
    return handled


def mail_ready(job):
    """Tell a scheduled report's recipient, in their language, that its file is waiting."""
    lang = job.language
    first, last = (datetime.date.fromisoformat(job.params[k]) for k in ("date_from", "date_to"))
    send_later(
        "reports/scheduled",
        job.user.email,
        {
            "title": job.title,
            "report": EXPORTERS[job.params["report"]].verbose_name,
            "first": l10n.date(first, lang),
            "last": l10n.date(last, lang),
            "link": settings.PORTAL_URL + reverse("admin:portal_job_change", args=[job.pk]),
        },
        lang,
    )
