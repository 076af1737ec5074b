"""A Celery worker in a process of its own, on this settings' broker and
database, for the benchmarks and the tests that need a real one (killed, or
measured from outside)."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """The URL of the database this process uses (the test's own, in a test)."""
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}:{port}/{db['NAME']}"


def start(queue, nice=0, **env):
    """A solo worker taking tasks from `queue` only, with `env` added to its
    environment; `nice` lowers its CPU priority, as a production unit may, so
    that the web's requests come first."""
    environment = {**os.environ, "DATABASE_URL": database_url(), **env}
    environment.pop("CELERY_TASK_ALWAYS_EAGER", None)
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"]
    command += ["-Q", queue, "--without-mingle", "--without-gossip", "-l", "warning"]
    return subprocess.Popen(command, cwd=ROOT, env=environment, preexec_fn=lambda: os.nice(nice))


def peak_memory_mb(process):
    """The process's peak resident memory so far (Linux: VmHWM), in MB."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
