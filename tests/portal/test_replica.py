"""A real streaming replica of the local PostgreSQL cluster: public pages read through it.

The test copies the cluster that holds the test database (pg_basebackup),
starts the copy as a hot standby on another port, reads the public pages
through it, and stops it: the pages go on, from the primary. It needs
PostgreSQL's server programs, root (to act as the postgres user), and
replication over the local socket (scripts/allow_replication.sh, which CI
runs). Under CI it fails rather than skips without them.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal import db_router
from portal.db_router import REPLICA
from tests.factories import EventFactory
from tests.ports import free_port
from tests.replica import replica_alias

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=[DEFAULT_DB_ALIAS, REPLICA]
)

SERVER_PROGRAMS = Path("/usr/lib/postgresql/15/bin")
# Standby settings that must be at least the primary's, or it will not serve reads.
AT_LEAST_THE_PRIMARYS = [
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
]
CATCH_UP_SECONDS = 30


def unable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"The replica test cannot run under CI: {reason}")
    pytest.skip(reason)


def as_postgres(*command):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, command)],
        capture_output=True,
        text=True,
        # The copy of a large cluster on a busy machine takes minutes.
        timeout=600,
    )


def primary_setting(name):
    # As the superuser over the local socket: the tests' own role (CI's is no
    # superuser) may not read every setting.
    port = connections[DEFAULT_DB_ALIAS].settings_dict["PORT"] or 5432
    done = as_postgres("psql", "-p", port, "-Atc", f"SHOW {name}")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def scratch_directory():
    """For the copy of the cluster: memory (/dev/shm) if it has the room (written faster)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT sum(pg_database_size(datname)) FROM pg_database")
        size = cursor.fetchone()[0]
    memory = Path("/dev/shm")
    roomy = memory.is_dir() and shutil.disk_usage(memory).free > 2 * size
    directory = Path(tempfile.mkdtemp(prefix="replica-", dir=memory if roomy else None))
    shutil.chown(directory, "postgres")
    return directory


def write_standby_configuration(data, port, sockets):
    """The copy's own settings: Debian keeps the cluster's under /etc, outside what is copied."""
    settings = {
        "port": port,
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": f"'{sockets}'",
        "hot_standby": "on",
        "fsync": "off",
        **{name: primary_setting(name) for name in AT_LEAST_THE_PRIMARYS},
    }
    (data / "postgresql.conf").write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    (data / "pg_ident.conf").write_text("")
    for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
        shutil.chown(data / name, "postgres")


class Standby:
    """The copy of the cluster, run by pg_ctl as the postgres user."""

    def __init__(self, directory, port):
        self.data = directory / "data"
        self.sockets = directory
        self.port = port

    def pg_ctl(self, *arguments):
        return as_postgres(SERVER_PROGRAMS / "pg_ctl", "-D", self.data, *arguments)

    def sql(self, statement):
        # As the superuser over its socket: pausing replay is the superuser's.
        done = as_postgres("psql", "-h", self.sockets, "-p", self.port, "-Atc", statement)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def stop(self):
        self.pg_ctl("stop", "-m", "immediate", "-w")


def replay_caught_up():
    """Wait until the replica has replayed everything the primary has written so far."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        written = cursor.fetchone()[0]
    deadline = time.monotonic() + CATCH_UP_SECONDS
    with connections[REPLICA].cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]
            )
            in_recovery, caught_up = cursor.fetchone()
            assert in_recovery, "the replica is not a standby"
            if caught_up:
                return
            assert time.monotonic() < deadline, "the replica did not catch up"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def standby(django_db_setup, django_db_blocker):
    """The standby, as the alias `replica`, for the module (set up before the tests' databases)."""
    with django_db_blocker.unblock():
        primary = connections[DEFAULT_DB_ALIAS]
        if primary.vendor != "postgresql":
            pytest.skip("A streaming replica needs PostgreSQL.")
        if primary.settings_dict["HOST"] not in ("", "localhost", "127.0.0.1"):
            unable("the test database is not on this machine's cluster")
        if not (SERVER_PROGRAMS / "pg_ctl").exists() or not shutil.which("pg_basebackup"):
            unable(f"PostgreSQL's server programs (pg_basebackup, {SERVER_PROGRAMS}) are missing")
        if os.geteuid() != 0 or not shutil.which("runuser"):
            unable("running the copy as the postgres user needs root and runuser")
        directory = scratch_directory()
        standby = Standby(directory, free_port())
        try:
            copied = as_postgres(
                "pg_basebackup",
                "-h",
                primary_setting("unix_socket_directories").split(",")[0].strip(),
                "-p",
                primary.settings_dict["PORT"] or 5432,
                "-D",
                standby.data,
                "--write-recovery-conf",
                "--wal-method=stream",
                "--checkpoint=fast",
                "--no-manifest",
            )
            if copied.returncode:
                unable(f"pg_basebackup failed (see scripts/allow_replication.sh): {copied.stderr}")
            write_standby_configuration(standby.data, standby.port, standby.sockets)
            started = standby.pg_ctl("start", "-w", "-t", "60", "-l", directory / "log")
            assert started.returncode == 0, (directory / "log").read_text()
            with replica_alias(HOST="127.0.0.1", PORT=str(standby.port)):
                yield standby
        finally:
            standby.stop()
            shutil.rmtree(directory, ignore_errors=True)


def public_api(client):
    """The event API's titles, and whether they were read from the primary."""
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary:
        response = client.get("/api/events/")
    assert response.status_code == 200
    return {event["title"] for event in response.json()["results"]}, len(on_primary) > 0


def public_api_once(client, *, from_primary):
    """public_api, asked until it reads from the primary, or not (a lag check
    may find the replica behind a moment while other tests' databases write)."""
    deadline = time.monotonic() + CATCH_UP_SECONDS
    while (answer := public_api(client))[1] != from_primary and time.monotonic() < deadline:
        time.sleep(0.1)
    return answer


def test_public_pages_read_through_a_streaming_replica_and_on_without_it(
    client, admin_user, standby, monkeypatch, settings
):
    monkeypatch.setattr(db_router, "_down_until", 0.0)
    monkeypatch.setattr(db_router, "_lag_known_until", 0.0)
    settings.REPLICA_MAX_LAG_SECONDS, settings.REPLICA_LAG_CHECK_SECONDS = 1, 0.1
    official = Client()
    official.force_login(admin_user)
    EventFactory(title_en="Pune engineering meet")
    replay_caught_up()
    assert public_api_once(client, from_primary=False) == ({"Pune engineering meet"}, False)

    # While the replica holds its replay, what the primary writes is not on
    # it; it is then further behind than REPLICA_MAX_LAG_SECONDS allows, and
    # the public pages read from the primary, which has it, as the back-office.
    standby.sql("SELECT pg_wal_replay_pause()")
    EventFactory(title_en="Nagpur textiles meet")
    assert "Nagpur textiles meet" in official.get("/admin/events/event/").text
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM events_event")
        assert cursor.fetchone() == (1,)
    both = {"Pune engineering meet", "Nagpur textiles meet"}
    assert public_api_once(client, from_primary=True) == (both, True)
    # Caught up, it is read again (once a lag check finds it so: the WAL the
    # other tests' databases write keeps it replaying).
    standby.sql("SELECT pg_wal_replay_resume()")
    replay_caught_up()
    assert public_api_once(client, from_primary=False) == (both, False)

    # The replica stops: the public pages read from the primary, without waiting.
    standby.stop()
    started = time.monotonic()
    titles, from_primary = public_api(client)
    assert titles == {"Pune engineering meet", "Nagpur textiles meet"}
    assert from_primary
    assert time.monotonic() - started < 2
    assert "Nagpur textiles meet" in client.get("/en/events/").text
