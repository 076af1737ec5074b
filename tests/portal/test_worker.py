"""The background worker itself: a real Celery worker, in a thread of the
test's process, takes the mail's task from Redis and sends the mail.

Without Redis on CELERY_BROKER_URL the test is skipped and says why; under
CI (CI=true) that is a failure (the `broker` fixture, tests/conftest.py).
"""

import time

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from portal.mail import send_later


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
