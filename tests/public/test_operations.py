"""The endpoints for the machines that run the portal: /healthz (liveness),
/readyz (database, cache, broker) and /metrics (Prometheus, internal only)."""

import socket
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def closed_port_url(scheme):
    """An address on this machine where nothing listens (the port was just freed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"{scheme}://127.0.0.1:{port}/0"


@pytest.fixture
def broker_up(settings):
    """A broker that answers: kombu's in-memory transport (the tests have no Redis of their own)."""
    settings.CELERY_BROKER_URL = "memory://"


def test_healthz_answers_without_asking_the_database(client):
    with mock.patch("public.views.site.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_200_when_database_cache_and_broker_answer(client, broker_up):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
        "failed": [],
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_503_naming_the_broker_when_it_is_down(client, settings):
    settings.CELERY_BROKER_URL = closed_port_url("redis")
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failed"] == ["broker"]
    assert body["checks"] == {"database": "ok", "cache": "ok", "broker": "failed"}


def test_readyz_is_503_naming_the_database_and_the_cache_when_they_are_down(
    client, settings, broker_up
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": closed_port_url("redis"),
        }
    }
    with mock.patch("public.views.site.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database", "cache"]


def test_metrics_answer_the_scraper_on_the_app_server_itself(client):
    client.get("/healthz")
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "django_http_requests_total_by_view_transport_method_total" in text
    assert 'view="healthz"' in text


@pytest.mark.parametrize(
    "meta",
    [
        # Through nginx: it adds X-Forwarded-For to every request it passes on.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"},
        # Straight to the app server, but from outside the internal networks.
        {"REMOTE_ADDR": "203.0.113.7"},
    ],
    ids=["through the proxy", "from outside"],
)
def test_metrics_are_not_found_from_the_public_side(client, meta):
    response = client.get("/metrics", **meta)
    assert response.status_code == 404
    assert b"django_http_requests" not in response.content
