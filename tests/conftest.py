"""Fixtures every test may use.

`bodies`: two bodies and their events: the Maharashtra corporation (MSSIDC) and the
Uttar Pradesh industries department, each with a meet, a session, a role, an
MoU and a B2B meeting, and officials of each in the roles the portal has.
"""

import os
import uuid
from types import SimpleNamespace

import pytest
import redis
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from access.models import Membership
from access.roles import ADMINISTRATOR, DATA_ENTRY, PUBLISHER, REPORT_VIEWER
from config.celery import app as celery_app
from devtools.demo import load_demo
from events.models import Event
from orgs.models import Organisation
from portal import page_cache
from portal.models import Job
from tests import factories
from tests.celery_connections import fresh_connections
from tests.snapshots import recorded, restore

# Hypothesis: under CI (CI=true) the property tests try 60 examples each,
# the same ones on every run (derandomised), sized so that the whole suite
# keeps within its budget; a developer's run tries 25 fresh ones.
hypothesis_settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None)
hypothesis_settings.register_profile("dev", max_examples=25, deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_report_header(config):
    # CI runs the suite on SQLite and on PostgreSQL: say which this run is.
    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a test switches language explicitly."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def no_page_kept_in_memory():
    """Each test starts with no public page kept in its process's memory, as
    the tests that turn the page cache on start with the shared cache empty."""
    page_cache.forget()
    yield
    page_cache.forget()


@pytest.fixture(autouse=True, scope="session")
def tasks_run_at_once():
    """Celery tasks run in the process that asks, when asked: no broker, no worker.

    A mail sent after a commit (portal.mail) then lands in Django's outbox
    as soon as the test's transaction hook runs.
    """
    celery_app.conf.task_always_eager = True


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Test-only: a fast hasher; PBKDF2's million rounds cost ~0.3 s per user made."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def recording(django_db_blocker, build):
    """`build`'s records, written once per test process (tests.snapshots)."""
    with django_db_blocker.unblock():
        return recorded(build)


@pytest.fixture(scope="session")
def demo_recording(django_db_setup, django_db_blocker):
    return recording(django_db_blocker, load_demo)


@pytest.fixture
def demo(db, demo_recording):
    """The demo data, as `manage.py load_demo` writes them."""
    restore(demo_recording)


@pytest.fixture
def jobs_folder(tmp_path, monkeypatch):
    """The background jobs' files go to a folder of the test's (portal.models.Job.file's
    storage is made when the model is)."""
    folder = tmp_path / "jobs"
    monkeypatch.setattr(Job._meta.get_field("file"), "storage", FileSystemStorage(folder))
    return folder


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def official(username, role, organisation=None):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    if organisation:
        Membership.objects.create(user=user, organisation=organisation)
    return user


def organised_event(organiser, **fields):
    event = factories.EventFactory(**fields)
    factories.EventOrganiserFactory(event=event, organisation=organiser)
    factories.SessionFactory(event=event)
    factories.EventRoleFactory(event=event)
    mou = factories.MoUFactory(event=event)
    factories.MoUPartyFactory(mou=mou, organisation=organiser)
    factories.MoUPartyFactory(mou=mou)
    factories.B2BMeetingFactory(event=event)
    return event


@pytest.fixture
def bodies(db):
    mssidc = factories.OrganisationFactory(
        name_en="Maharashtra Small Scale Industries Development Corporation",
        name_mr="महाराष्ट्र लघुउद्योग विकास महामंडळ",
        acronym="MSSIDC",
        kind=Organisation.Kind.STATE_CORPORATION,
    )
    up = factories.OrganisationFactory(
        name_en="Directorate of Industries and Enterprise Promotion, Uttar Pradesh",
        name_hi="उद्योग एवं उद्यम प्रोत्साहन निदेशालय, उत्तर प्रदेश",
        acronym="DIEP-UP",
        kind=Organisation.Kind.GOVERNMENT,
    )
    pune = organised_event(
        mssidc,
        title_en="International Buyer-Seller Meet, Pune",
        title_mr="आंतरराष्ट्रीय खरेदीदार-विक्रेता संमेलन, पुणे",
    )
    lucknow = organised_event(
        up,
        title_en="Export promotion review meeting, Lucknow",
        title_hi="निर्यात प्रोत्साहन समीक्षा बैठक, लखनऊ",
        kind=Event.Kind.REVIEW_MEETING,
    )
    return SimpleNamespace(
        mssidc=mssidc,
        up=up,
        pune=pune,
        lucknow=lucknow,
        clerk=official("mssidc-clerk", DATA_ENTRY, mssidc),
        publisher=official("mssidc-publisher", PUBLISHER, mssidc),
        viewer=official("mssidc-viewer", REPORT_VIEWER, mssidc),
        administrator=official("state-admin", ADMINISTRATOR),
    )


IN_CI = os.environ.get("CI", "").lower() in {"true", "1"}


@pytest.fixture
def broker():
    """A queue of the test's own on the machine's Redis, tasks no longer run at once:
    for the tests of a real worker. Without Redis the test is skipped, saying
    why; under CI (CI=true) that is a failure."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        if IN_CI:
            pytest.fail(f"no Redis at {settings.CELERY_BROKER_URL}: {error}", pytrace=False)
        pytest.skip(f"no Redis at {settings.CELERY_BROKER_URL}: {error}")
    # A queue of this test's own: a developer's worker, or another test
    # process, must not take its task.
    # Every task goes there, jobs too (CELERY_TASK_ROUTES sends them to
    # their own queue otherwise).
    queue = f"test-{uuid.uuid4().hex}"
    routes = celery_app.conf.task_routes
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    celery_app.conf.task_routes = {name: {"queue": queue} for name in routes or {}}
    fresh_connections(celery_app)
    yield queue
    celery_app.conf.task_default_queue = "celery"
    celery_app.conf.task_routes = routes
    celery_app.conf.task_always_eager = True
    fresh_connections(celery_app)
    # The queue's exchange (named after it) is kept by kombu as these keys.
    client.delete(f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
