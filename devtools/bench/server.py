"""gunicorn on a free port, started for the bench and stopped after it."""

import os
from contextlib import contextmanager

import redis
from django.conf import settings

from devtools.gunicorn import serving, status_of

WORKERS = 2


# The page cache as production has it, one for every worker (portal.page_cache):
# a database of Redis's of the bench's own, emptied before each server starts.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
REDIS_CACHE = {
    "default": {
        "BACKEND": "portal.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench",
    }
}


def environment(*, cache_seconds):
    """Production settings (DEBUG off) served over plain http on 127.0.0.1, hello routed."""
    return {
        **os.environ,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": REDIS_CACHE["default"]["KEY_PREFIX"],
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
    redis.Redis.from_url(REDIS_URL).flushdb()
    with serving(
        env=environment(cache_seconds=cache_seconds),
        log_path=log_path or os.devnull,
        workers=workers,
        options=("--timeout", "120"),
        stop_seconds=20,
    ) as base:
        yield base
