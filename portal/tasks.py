"""The background worker's tasks of the base layer (Celery autodiscovers this module)."""

from smtplib import SMTPException

from celery import shared_task
from django.db import transaction

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
