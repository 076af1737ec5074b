"""gunicorn on a free port, started for the bench and stopped after it."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from django.conf import settings

WORKERS = 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def gunicorn(*, cache_seconds=0, log_path=None, workers=WORKERS):
    """Yield the server's base URL, e.g. http://127.0.0.1:41234, once /healthz answers 200."""
    port = free_port()
    with open(log_path or os.devnull, "a") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120",
            ],
            cwd=settings.BASE_DIR,
            env=environment(cache_seconds=cache_seconds),
            stdout=log,
            stderr=log,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, process, log_path)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(base, process, log_path, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped (exit {process.returncode}); see {log_path}")
        try:
            if get(f"{base}/healthz", timeout=5) == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"gunicorn did not answer /healthz in {seconds} s; see {log_path}")
        time.sleep(0.2)
