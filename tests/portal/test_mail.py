"""Mail to visitors (portal.mail): in their language, sent after the commit,
once, and intact through a real SMTP server (an account's and a registration's)."""

import datetime
import email
import importlib
import re
import sys
from email import policy

import pytest
from django.db import transaction
from django.utils import timezone

from participants import registrations
from portal.mail import send_later
from portal.models import OutgoingMail
from portal.tasks import deliver, deliver_waiting
from tests import factories
from tests.celery_connections import fresh_connections
from tests.participants.helpers import member
from tests.ports import free_port

pytestmark = pytest.mark.django_db

LINK = "https://portal.example/{lang}/account/confirm-email/Mg:1vRx:abc/"


def confirm(lang, to="udyog@example.com"):
    return send_later("account/confirm_email", to, {"activate_url": LINK.format(lang=lang)}, lang)


def test_nothing_is_mailed_for_a_rolled_back_change(mailoutbox, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        confirm("hi")
        raise RuntimeError("the sign-up failed after all")
    assert callbacks == []
    assert not OutgoingMail.objects.exists()
    assert mailoutbox == []


def test_a_mail_is_sent_once_however_often_its_task_runs(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail = confirm("en")
    assert mailoutbox == []  # not before the commit
    callbacks[0]()
    deliver(mail.pk)  # run again, as after a worker lost mid-task
    assert len(mailoutbox) == 1
    assert not OutgoingMail.objects.exists()


def smtp_controller():
    """aiosmtpd's Controller class.

    aiosmtpd imports the package atpublic by its module name, `public`, which
    on the project's path is our app: atpublic is put in its place while
    aiosmtpd loads (it uses it then only, as a decorator).
    """
    ours = sys.modules.pop("public")
    paths = [path for path in sys.path if path.endswith("site-packages")]
    atpublic = importlib.machinery.PathFinder.find_spec("public", paths)
    sys.modules["public"] = importlib.util.module_from_spec(atpublic)
    try:
        atpublic.loader.exec_module(sys.modules["public"])
        return importlib.import_module("aiosmtpd.controller").Controller
    finally:
        sys.modules["public"] = ours


class Inbox:
    """aiosmtpd's handler: keeps each message as it arrived, bytes and all."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on this machine, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = smtp_controller()(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.mark.parametrize(
    "lang, subject, sentence, direction",
    [
        ("mr", "तुमच्या ई-मेल पत्त्याची पडताळणी करा", "पडताळणी करण्यासाठी हा दुवा उघडा:", "ltr"),
        ("fa", "نشانی ایمیل خود را تأیید کنید", "برای تأیید آن این پیوند را باز کنید:", "rtl"),
    ],
)
def test_devanagari_and_persian_arrive_intact_through_smtp(
    smtp_server, django_capture_on_commit_callbacks, lang, subject, sentence, direction
):
    with django_capture_on_commit_callbacks(execute=True):
        confirm(lang, to="niryat@example.com")
    [raw] = smtp_server.messages
    # On the wire the subject is MIME-encoded ASCII; decoded, it is the language's.
    assert re.search(rb"^Subject:\s+=\?utf-8\?b\?", raw, re.MULTILINE)
    message = email.message_from_bytes(raw, policy=policy.default)
    # (Django folds the long header after "Subject:"; unfolded, a space leads.)
    assert message["Subject"].strip() == subject
    assert message["To"] == "niryat@example.com"
    text = message.get_body(("plain",)).get_content()
    assert sentence in text
    assert LINK.format(lang=lang) in text
    html = message.get_body(("html",)).get_content()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert sentence in html
    assert f'<a href="{LINK.format(lang=lang)}"' in html


# (Persian writes ثبت‌نام with a zero-width non-joiner, U+200C, between its halves.)
@pytest.mark.parametrize(
    "lang, title, subject, sentence, kind, firm, direction",
    [
        (
            "mr",
            "आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद",
            "नोंदणी मंजूर: आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद",
            "तुमची नोंदणी मंजूर झाली आहे: या परिषदेत तुमची जागा आहे.",
            "विक्रेता (निर्यातदार)",
            "कोल्हापूर गूळ निर्यात",
            "ltr",
        ),
        (
            "fa",
            "نشست خریداران و فروشندگان",
            "ثبت\u200cنام تأیید شد: نشست خریداران و فروشندگان",
            "ثبت\u200cنام شما تأیید شد: در این نشست جای دارید.",
            "فروشنده (صادرکننده)",
            "Kolhapur Jaggery Exports",  # the firm has no Persian name
            "rtl",
        ),
    ],
    ids=["mr", "fa"],
)
def test_a_registration_approved_is_mailed_intact_in_the_participants_language(
    smtp_server,
    django_capture_on_commit_callbacks,
    lang,
    title,
    subject,
    sentence,
    kind,
    firm,
    direction,
):
    meet = factories.RegistrationSettingsFactory(
        event__title_mr="आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद",
        event__title_fa="نشست خریداران و فروشندگان",
        approval_required=False,
    )
    organisation = factories.OrganisationFactory(
        name_en="Kolhapur Jaggery Exports", name_mr="कोल्हापूर गूळ निर्यात"
    )
    user = member("niryat@example.com", organisation, lang)
    # Registered while English is active: the mail follows the participant's language.
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user, meet.event, organisation, "seller")

    [raw] = smtp_server.messages
    assert re.search(rb"^Subject:\s+=\?utf-8\?b\?", raw, re.MULTILINE)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"].strip() == subject
    assert message["To"] == "niryat@example.com"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for part in (text, html):
        assert sentence in part
        assert title in part
        assert kind in part
        assert firm in part
        assert f"/{lang}/" in part  # the links, to the pages in their language
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_a_broker_out_of_reach_keeps_the_mail_for_the_sweep(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    from config.celery import app

    # Nothing listens on port 9: the broker is down.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:9/0")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            mail = confirm("mr")  # the commit goes through, and says nothing
    finally:
        app.conf.update(task_always_eager=True, broker_url=settings.CELERY_BROKER_URL)
        fresh_connections(app)
    assert OutgoingMail.objects.get() == mail and mailoutbox == []

    # Later, the worker's sweep queues what was left waiting long enough.
    deliver_waiting()
    assert mailoutbox == []  # too recent: its own task may still come
    OutgoingMail.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=6))
    deliver_waiting()
    assert [m.to for m in mailoutbox] == [["udyog@example.com"]]
    assert not OutgoingMail.objects.exists()
