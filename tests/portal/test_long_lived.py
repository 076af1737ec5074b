"""A server process hides what it loaded for good from the collector once warm."""

import gc

from django.core.signals import request_finished
from django.test import Client

from portal import long_lived


def test_after_its_first_requests_a_server_process_freezes_its_heap(monkeypatch):
    monkeypatch.setattr(long_lived, "_served", 0)
    long_lived.connect()
    try:
        for _ in range(long_lived.WARM_REQUESTS - 1):
            request_finished.send(sender=None)
        assert gc.get_freeze_count() == 0
        Client().get("/healthz")
        assert gc.get_freeze_count() > 0
        # Frozen once: further requests are not even counted.
        Client().get("/healthz")
        assert long_lived._served == long_lived.WARM_REQUESTS
    finally:
        request_finished.disconnect(long_lived.freeze_when_warm)
        gc.unfreeze()
