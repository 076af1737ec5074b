"""gunicorn on a free port, started for the bench and stopped after it."""

import os
from contextlib import contextmanager

from django.conf import settings

from devtools.gunicorn import serving, status_of

WORKERS = 2


def environment(*, cache_seconds):
    """Production settings (DEBUG off) served over plain http on 127.0.0.1, hello routed."""
    return {
        **os.environ,
        "DEBUG": "0",
        # The bench's own: the admin's session cookie is signed in-process.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_HELLO": "1",
        "PUBLIC_PAGE_CACHE_SECONDS": str(cache_seconds),
    }


def get(url, headers=None, timeout=60):
    """The status of a GET (no redirect followed)."""
    return status_of(url, headers, timeout)


@contextmanager
def gunicorn(*, cache_seconds=0, log_path=None, workers=WORKERS):
    """Yield the server's base URL, e.g. http://127.0.0.1:41234, once /healthz answers 200."""
    with serving(
        env=environment(cache_seconds=cache_seconds),
        log_path=log_path or os.devnull,
        workers=workers,
        options=("--timeout", "120"),
        stop_seconds=20,
    ) as base:
        yield base
