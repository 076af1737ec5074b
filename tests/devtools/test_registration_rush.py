"""The load test's registration rush (devtools.registration_rush and
`manage.py prepare_registration_rush`): its visitors' journeys go through the
real pages and mail, and a second run starts from empty meets."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command

from devtools.registration_rush import DOMAIN, Inbox, journey
from participants.models import Registration
from tests import factories

pytestmark = [
    # The live server's thread sees committed rows only; the serialized
    # rollback brings back what the migrations wrote (the countries).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def prepare():
    out = StringIO()
    call_command("prepare_registration_rush", stdout=out)
    return out.getvalue().split()


@pytest.fixture
def inbox(settings):
    """The rush's SMTP server, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", inbox.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    inbox.shutdown()
    inbox.server_close()


def test_journeys_end_registered_and_a_second_run_starts_afresh(live_server, inbox):
    cache.clear()  # allauth's sign-up limit: every journey here is from 127.0.0.1
    factories.RegionFactory()  # the firm's state, which the form asks for
    slugs = prepare()
    assert slugs == [f"loadtest-meet-{n}" for n in (1, 2, 3, 4)]

    timings = {}
    # One journey in each language; every third a buyer.
    kinds = [journey(number, live_server.url, inbox, slugs[0], timings) for number in range(4)]

    assert kinds == ["buyer", "seller", "seller", "buyer"]
    registered = Registration.objects.filter(event__slug=slugs[0])
    # The meet approves each registration: received while places are left.
    assert sorted(registered.values_list("kind", "status")) == [
        *[("buyer", "received")] * 2,
        *[("seller", "received")] * 2,
    ]
    assert {r.user.email for r in registered} == {f"rush{n}@{DOMAIN}" for n in range(4)}
    assert [len(times) for times in timings.values()] == [4] * 8  # eight requests each

    assert prepare() == slugs
    assert not Registration.objects.exists()
    assert not User.objects.filter(email__endswith=DOMAIN).exists()
