"""A backup made by scripts/backup.sh and restored by scripts/restore.sh into
another database gives back the same records, Devanagari and Persian included."""

import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from events.models import Event
from tests import factories

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

pytestmark = [
    # Committed rows, for another connection to see; the flush after the test
    # empties every table, and the serialized rollback brings back what the
    # migrations wrote (the countries) for the tests that come after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="backups are made with pg_dump (PostgreSQL)"
    ),
]

# Tables whose rows must come back identical, in primary-key order.
TABLES = [
    "orgs_organisation",
    "orgs_person",
    "events_event",
    "events_eventorganiser",
    "events_eventrole",
    "events_mou",
    "events_mouparty",
    "events_b2bmeeting",
    "events_historicalevent",
    "auth_group_permissions",
]


def url(name):
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{name}"


def rows(database_url):
    with psycopg2.connect(database_url) as conn, conn.cursor() as cursor:
        result = {}
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")
            result[table] = cursor.fetchall()
        return result


@pytest.fixture
def restore_database():
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = psycopg2.connect(url(connection.settings_dict["NAME"]))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield url(name)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def run(script, *args, database_url, media_root):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "PRIVATE_MEDIA_ROOT": str(media_root.parent / f"private-{media_root.name}"),
    }
    done = subprocess.run(
        [str(SCRIPTS / script), *map(str, args)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_restored_backup_holds_the_same_records(tmp_path, restore_database):
    event = factories.ListedEventFactory(
        title_mr="आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद, पुणे",
        title_fa="همایش بین‌المللی خریداران و فروشندگان",
    )
    factories.EventRoleFactory(event=event, designation_hi="प्रमुख सचिव, एमएसएमई")
    factories.B2BMeetingFactory(event=event)
    factories.MoUPartyFactory(mou=factories.MoUFactory(event=event))
    media = tmp_path / "media"
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "mssidc.png").write_bytes(b"\x89PNG logo bytes")
    # A registration's document, kept apart from the public uploads.
    (tmp_path / "private-media" / "registrations").mkdir(parents=True)
    (tmp_path / "private-media" / "registrations" / "rcmc.pdf").write_bytes(b"%PDF-1.4 RCMC")
    source = url(connection.settings_dict["NAME"])

    dump, archive, private = run(
        "backup.sh", tmp_path / "backups", database_url=source, media_root=media
    )
    restored_media = tmp_path / "restored-media"
    run(
        "restore.sh",
        dump,
        archive,
        private,
        database_url=restore_database,
        media_root=restored_media,
    )

    original, restored = rows(source), rows(restore_database)
    assert restored == original
    assert len(restored["events_event"]) == Event.objects.count() == 1
    titles = {value for row in restored["events_event"] for value in row if isinstance(value, str)}
    assert "همایش بین‌المللی خریداران و فروشندگان" in titles  # with its zero-width non-joiner
    assert (restored_media / "logos" / "mssidc.png").read_bytes() == b"\x89PNG logo bytes"
    restored_private = tmp_path / "private-restored-media" / "registrations" / "rcmc.pdf"
    assert restored_private.read_bytes() == b"%PDF-1.4 RCMC"


def test_a_backup_of_anything_but_postgresql_is_refused(tmp_path):
    done = subprocess.run(
        [str(SCRIPTS / "backup.sh"), str(tmp_path)],
        env={**os.environ, "DATABASE_URL": "sqlite:///db.sqlite3"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "not a PostgreSQL database" in done.stderr
