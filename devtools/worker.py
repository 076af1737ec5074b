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


def start(queue, idle=False, **env):
    """A solo worker taking tasks from `queue` only, with `env` added to its
    environment; `idle`: it runs only on CPU time nothing else wants, as
    deploy/systemd/portal-jobs.service runs the jobs' worker, so that the
    web's requests come first."""
    environment = {**os.environ, "DATABASE_URL": database_url(), **env}
    environment.pop("CELERY_TASK_ALWAYS_EAGER", None)
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"]
    command += ["-Q", queue, "--without-mingle", "--without-gossip", "-l", "warning"]
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, preexec_fn=_idle_scheduling if idle else None
    )


def _idle_scheduling():
    # The kernel's SCHED_IDLE class, as systemd's CPUSchedulingPolicy=idle.
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def peak_memory_mb(process):
    """The process's peak resident memory so far (Linux: VmHWM), in MB."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
