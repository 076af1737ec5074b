"""Anonymous visitors' public pages and the API read from the replica; the rest from the primary.

The replica here is the test database under a second connection (a test
mirror); tests/portal/test_replica.py runs a real streaming standby.
"""

import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import CaptureQueriesContext

from events.models import Event
from portal import db_router
from portal.db_router import REPLICA, reading_replica
from tests.factories import EventFactory
from tests.replica import replica_alias

# What the primary writes is read on the replica's connection: committed,
# not in a test's transaction. (Slower: the tables are emptied after each.)
on_both = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=[DEFAULT_DB_ALIAS, REPLICA]
)
PUBLIC_PAGES = ["/mr/events/", "/api/events/"]


@pytest.fixture(scope="module", autouse=True)
def replica(django_db_setup, django_db_blocker):
    with replica_alias():
        yield


@pytest.fixture(autouse=True)
def replica_not_yet_failed(monkeypatch):
    monkeypatch.setattr(db_router, "_down_until", 0.0)
    monkeypatch.setattr(db_router, "_lag_known_until", 0.0)


def visit(client, url, **extra):
    """The response, and how many queries went to the replica and to the primary."""
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        response = client.get(url, **extra)
    assert response.status_code == 200
    return response, len(on_replica), len(on_primary)


def visit_while_down(client, url):
    """The response, and how many queries went to the primary (the replica cannot be watched)."""
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(on_primary)


def unreachable_replica():
    """A replica that does not answer: a closed port, or (SQLite) a file that cannot be opened."""
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        return replica_alias(HOST="127.0.0.1", PORT="1")
    return replica_alias(NAME="/nonexistent/replica.sqlite3")


@on_both
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_an_anonymous_visitor_reads_public_pages_from_the_replica(client, url):
    EventFactory(title_en="Pune engineering meet", title_mr="पुणे अभियांत्रिकी मेळावा")
    response, on_replica, on_primary = visit(client, url)
    assert "Pune engineering meet" in response.text or "पुणे अभियांत्रिकी" in response.text
    assert on_replica > 0
    assert on_primary == 0


@on_both
def test_a_logged_in_user_reads_from_the_primary(client, django_user_model):
    # They see what they have just saved, not the replica's moment-old copy.
    EventFactory(title_en="Pune engineering meet")
    client.force_login(django_user_model.objects.create_user("participant", "p@example.com"))
    response, on_replica, _ = visit(client, "/en/events/")
    assert "Pune engineering meet" in response.text
    assert on_replica == 0


@on_both
def test_pages_not_marked_public_read_from_the_primary(client):
    _, on_replica, _ = visit(client, "/en/account/signup/")
    assert on_replica == 0


@on_both
def test_a_read_inside_a_transaction_is_from_the_primary():
    with reading_replica():
        assert Event.objects.all().db == REPLICA
        with transaction.atomic():
            assert Event.objects.all().db == DEFAULT_DB_ALIAS


@on_both
def test_a_record_read_from_the_replica_is_saved_to_the_primary():
    event = EventFactory(title_en="Pune engineering meet")
    with reading_replica():
        kept = Event.objects.get(pk=event.pk)
    assert kept._state.db == REPLICA
    kept.title_en = "Pune engineering and machine tools meet"
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary:
        kept.save()
    assert any(q["sql"].startswith("UPDATE") for q in on_primary.captured_queries)


def test_migrations_run_on_the_primary_only():
    router = db_router.ReplicaRouter()
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "events")
    assert not router.allow_migrate(REPLICA, "events")


@on_both
def test_when_the_replica_is_down_public_pages_read_from_the_primary(client, monkeypatch):
    EventFactory(title_en="Pune engineering meet")
    with unreachable_replica():
        started = time.monotonic()
        response, on_primary = visit_while_down(client, "/api/events/")
        assert "Pune engineering meet" in response.text
        assert on_primary > 0
        assert time.monotonic() - started < 2

        # Remembered: the next visitors do not try it again meanwhile.
        def tried(*args):
            raise AssertionError("the replica, known to be down, was tried again")

        monkeypatch.setattr(connections[REPLICA], "ensure_connection", tried)
        response, _ = visit_while_down(client, "/en/events/")
        assert "Pune engineering meet" in response.text


@on_both
def test_a_replica_back_up_is_used_again_once_its_wait_is_over(client, settings, monkeypatch):
    settings.REPLICA_RETRY_SECONDS = 60
    EventFactory(title_en="Pune engineering meet")
    with unreachable_replica():
        visit_while_down(client, "/api/events/")
    # The replica answers again, but its failure is remembered until the wait is over.
    _, on_replica, _ = visit(client, "/api/events/")
    assert on_replica == 0
    later = db_router.monotonic() + 60
    monkeypatch.setattr(db_router, "monotonic", lambda: later)
    _, on_replica, _ = visit(client, "/api/events/")
    assert on_replica > 0


@on_both
def test_a_replica_further_behind_than_allowed_is_not_read_until_it_catches_up(
    client, settings, monkeypatch
):
    settings.REPLICA_MAX_LAG_SECONDS, settings.REPLICA_LAG_CHECK_SECONDS = 2, 0.5
    EventFactory(title_en="Pune engineering meet")
    # As last asked, 1.8 s behind: it may be 2.3 s behind before it is asked again.
    monkeypatch.setattr(db_router, "_lag", 1.8)
    monkeypatch.setattr(db_router, "_lag_known_until", db_router.monotonic() + 60)
    response, on_replica, on_primary = visit(client, "/api/events/")
    assert "Pune engineering meet" in response.text
    assert (on_replica, on_primary > 0) == (0, True)
    monkeypatch.setattr(db_router, "_lag", 1.2)
    _, on_replica, _ = visit(client, "/api/events/")
    assert on_replica > 0
