"""When the database drops the portal's connection (a PostgreSQL restart, a
failover), the next request reconnects instead of failing (CONN_HEALTH_CHECKS)."""

import psycopg2
import pytest
from django.db import close_old_connections, connection
from django.test import Client

from tests import factories

pytestmark = [
    # Committed rows, for another connection to see; the flush after the test
    # empties every table, and the serialized rollback brings back what the
    # migrations wrote (the countries) for the tests that come after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="kills a PostgreSQL server process"
    ),
]


def kill_server_side_of_djangos_connection():
    settings = connection.settings_dict
    other = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )
    other.autocommit = True
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
        assert cursor.fetchone() == (True,)
    other.close()


def test_a_request_after_the_connection_was_killed_is_answered(monkeypatch):
    # As in production (portal/settings.py); read when the connection opens.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    connection.close()
    event = factories.EventFactory(title_en="Engineering Buyer-Seller Meet, Nashik")
    client = Client()
    assert client.get("/en/events/").status_code == 200
    assert connection.connection is not None  # kept open for the next request
    kill_server_side_of_djangos_connection()
    # What the end of a request and the start of the next one do.
    close_old_connections()
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Engineering Buyer-Seller Meet, Nashik" in response.content.decode()
