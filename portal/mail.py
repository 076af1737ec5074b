"""Mail to visitors, in their language, sent by the background worker.

`send_later` renders a mail's subject and plain text from
templates/mail/<name>_subject.txt and <name>.txt in the recipient's
language, and its HTML from that text (templates/mail/_layout.html: the
same words, with paragraphs and links, right to left in Persian). It keeps
the mail as an OutgoingMail row and, once the transaction commits, asks the
worker (Celery, portal.tasks.deliver) to send it: a request never waits for
the mail server, and a change rolled back mails nothing. The worker
acknowledges a task only once it has run (CELERY_TASK_ACKS_LATE), so a
worker that dies mid-task leaves it to another; the row, deleted when the
mail is sent, makes a second run a no-op.
"""

import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from kombu.exceptions import OperationalError

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def send_later(template_name, to, context, lang):
    """Render the mail `template_name` for `to` in `lang`; send it after the commit."""
    with translation.override(lang):
        # A subject is one line, however the template is laid out.
        subject = " ".join(render_to_string(f"mail/{template_name}_subject.txt", context).split())
        text = render_to_string(f"mail/{template_name}.txt", context).strip()
        html = render_to_string("mail/_layout.html", {"subject": subject, "text": text})
    mail = OutgoingMail.objects.create(
        to=to, subject=subject, text=text + "\n", html=html, language=lang
    )
    transaction.on_commit(lambda: queue(mail.pk))
    return mail


def queue(mail_id):
    """Ask the worker to send the mail. With the broker out of reach the
    mail stays kept, and the worker's sweep (portal.tasks.deliver_waiting)
    sends it later: the change that wrote it is committed already."""
    # Imported here: the tasks module imports this one.
    from .tasks import deliver

    try:
        deliver.delay(mail_id)
    except OperationalError:
        logger.warning("Mail %s kept for the worker's sweep: the broker is out of reach", mail_id)


def message(mail):
    """The OutgoingMail as Django's e-mail: plain text, with the HTML as an alternative."""
    email = EmailMultiAlternatives(mail.subject, mail.text, to=[mail.to])
    email.attach_alternative(mail.html, "text/html")
    return email
