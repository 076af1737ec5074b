"""The background worker's tasks of the base layer (Celery autodiscovers this module)."""

import datetime
from smtplib import SMTPException

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .mail import message
from .models import OutgoingMail


@shared_task(
    # A mail server that is down or refuses for a while: try again, waiting longer each time.
    autoretry_for=(OSError, SMTPException),
    retry_backoff=30,
    max_retries=8,
)
def deliver(mail_id):
    """Send the OutgoingMail `mail_id`, once, however often the task runs."""
    with transaction.atomic():
        # Locked while it is sent, so that two workers never both send it.
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None:
            return  # sent already
        message(mail).send()
        mail.delete()


# A mail is queued when its transaction commits; one still here after this
# long was not (the broker was out of reach) or its task was lost.
WAITING = datetime.timedelta(minutes=5)


@shared_task
def deliver_waiting():
    """Queue again every mail kept longer than WAITING (run by the worker's beat)."""
    cutoff = timezone.now() - WAITING
    for mail_id in OutgoingMail.objects.filter(created_at__lt=cutoff).values_list("pk", flat=True):
        deliver.delay(mail_id)
