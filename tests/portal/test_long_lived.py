"""A server process hides what it loaded for good from the collector once warm."""

import gc

import pytest
from django.core.signals import request_finished

from portal import long_lived


# Each request's end also closes old database connections (Django's receiver).
@pytest.mark.django_db
def test_after_its_first_requests_a_server_process_freezes_its_heap(monkeypatch):
    monkeypatch.setattr(long_lived, "_served", 0)
    long_lived.connect()
    try:
        for _ in range(long_lived.WARM_REQUESTS - 1):
            request_finished.send(sender=None)
        assert gc.get_freeze_count() == 0
        request_finished.send(sender=None)
        assert gc.get_freeze_count() > 0
        # Frozen once: further requests are not even counted.
        request_finished.send(sender=None)
        assert long_lived._served == long_lived.WARM_REQUESTS
    finally:
        request_finished.disconnect(long_lived.freeze_when_warm)
        gc.unfreeze()
