"""The background worker itself: a real Celery worker, in a thread of the
test's process, takes the mail's task from Redis and sends the mail.

Without Redis on CELERY_BROKER_URL the test is skipped and says why; under
CI (CI=true) that is a failure.
"""

import os
import time
import uuid

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from config.celery import app
from portal.mail import send_later
from tests.celery_connections import fresh_connections

IN_CI = os.environ.get("CI", "").lower() in {"true", "1"}


@pytest.fixture
def broker():
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        if IN_CI:
            pytest.fail(f"no Redis at {settings.CELERY_BROKER_URL}: {error}", pytrace=False)
        pytest.skip(f"no Redis at {settings.CELERY_BROKER_URL}: {error}")
    # A queue of this test's own: a developer's worker, or another test
    # process, must not take its task.
    queue = f"test-{uuid.uuid4().hex}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    fresh_connections(app)
    yield queue
    app.conf.task_default_queue = "celery"
    app.conf.task_always_eager = True
    fresh_connections(app)
    # The queue's exchange (named after it) is kept by kombu as these keys.
    client.delete(f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")


# The worker's thread reads the mail's row: it must be committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_takes_the_task_from_redis_and_sends_the_mail(broker, mailoutbox):
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        send_later(
            "account/confirm_email",
            "udyog@example.com",
            {"activate_url": "https://portal.example/mr/account/confirm-email/k/"},
            "mr",
        )
        deadline = time.monotonic() + 20
        while not mailoutbox and time.monotonic() < deadline:
            time.sleep(0.1)
    [mail] = mailoutbox
    assert mail.subject == "तुमच्या ई-मेल पत्त्याची पडताळणी करा"
