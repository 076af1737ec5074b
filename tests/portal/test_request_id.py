"""Each request's id, in the X-Request-ID header and on every log record
(portal.request_id), so that a log line and a visitor's report name the same request."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse
from django.urls import path

from portal.request_id import current_request_id

pytestmark = pytest.mark.django_db

logger = logging.getLogger("tests.request_id")


def logs_a_warning(request):
    logger.warning("something to look into")
    return HttpResponse("logged")


urlpatterns = [path("logs/", logs_a_warning)]


@pytest.fixture
def log_lines():
    """What the configured console handler writes (settings.LOGGING), one string a record."""
    handler = logging.getLogger().handlers[0]
    written = io.StringIO()
    original = handler.setStream(written)
    yield LogLines(written)
    handler.setStream(original)


class LogLines:
    def __init__(self, stream):
        self.stream = stream

    def __iter__(self):
        return iter(self.stream.getvalue().splitlines())


def test_each_answer_names_a_fresh_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.urls(__name__)
def test_the_id_nginx_gave_is_kept_and_logged_as_json(client, log_lines):
    response = client.get("/logs/", HTTP_X_REQUEST_ID="f00dfeed0123456789abcdef01234567")
    assert response["X-Request-ID"] == "f00dfeed0123456789abcdef01234567"
    (record,) = [json.loads(line) for line in log_lines]
    assert record["message"] == "something to look into"
    assert record["level"] == "WARNING"
    assert record["logger"] == "tests.request_id"
    assert record["request_id"] == "f00dfeed0123456789abcdef01234567"


def test_a_page_not_found_is_logged_with_its_request_id(client, log_lines):
    response = client.get("/en/no-such-page/", HTTP_X_REQUEST_ID="0123456789abcdef")
    assert response.status_code == 404
    (record,) = [json.loads(line) for line in log_lines]
    assert record["message"] == "Not Found: /en/no-such-page/"
    assert record["request_id"] == "0123456789abcdef"


@pytest.mark.urls(__name__)
def test_an_id_that_does_not_look_like_one_is_replaced(client, log_lines):
    response = client.get("/logs/", HTTP_X_REQUEST_ID="x\u2028<script>")
    made = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    (record,) = [json.loads(line) for line in log_lines]
    assert record["request_id"] == made


def test_outside_a_request_the_id_is_a_dash():
    assert current_request_id() == "-"
