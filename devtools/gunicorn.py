"""The portal under gunicorn on a free port, for the bench and the load test.

Plain Python, no Django: scripts/loadtest.py runs it before the portal is set up.
"""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status_of(url, headers=None, timeout=60):
    """The status of a GET, its body read; a redirect is not followed."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@contextmanager
def serving(**arguments):
    """Yield the server's base URL, e.g. http://127.0.0.1:41234, once /healthz answers 200;
    stop it after. The arguments are running()'s."""
    with running(**arguments) as (base, _process):
        yield base


@contextmanager
def running(*, env, log_path, workers, options=(), start_seconds=60, stop_seconds=30):
    """Yield (base URL, gunicorn's master process) once /healthz answers 200; stop it
    after. `options` are gunicorn's own, `env` the portal's environment. The master
    leads a process group of its own, its workers in it: os.killpg(process.pid, ...)
    reaches them all at once, as a machine's crash would."""
    port = free_port()
    with open(log_path, "a") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers), *options,
            ],
            cwd=BASE_DIR, env=env, stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_healthz(base, process, name="gunicorn", logs=log_path, seconds=start_seconds)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_healthz(base, process, *, name, logs, seconds):
    """Return once `base`/healthz answers 200; fail if `process` (`name`) stops or
    `seconds` pass first, pointing at its `logs`."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped (exit {process.returncode}); see {logs}")
        try:
            if status_of(f"{base}/healthz", timeout=5) == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{name} did not answer /healthz in {seconds} s; see {logs}")
        time.sleep(0.2)
