"""A 100,000-event report built as a background job by a real worker, against its budgets.

Needs PostgreSQL with the national dataset (`manage.py generate_data`) and
Redis. Starts a Celery worker (a process of its own, as in production) on a
queue of its own, with the cache on Redis so that this command reads the
job's progress as its page does; asks for the events register of every
event, headers in Hindi, as XLSX (`--format pdf` for the PDF); prints the
progress every few seconds, and meanwhile times a public page in this
process (the web's side) against the same page timed before the job. Prints
the figures; the worker's peak resident memory (VmHWM, from /proc) over
MEMORY_BUDGET_MB, a failed job, or the page's p95 more than WEB_SLOWDOWN
over its time without the job, exits non-zero.
"""

import statistics
import time
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache.backends.redis import RedisCache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse

from backoffice.tasks import run_job
from devtools import worker
from events.models import Event
from portal import progress
from portal.models import Job

MEMORY_BUDGET_MB = 300
WEB_SLOWDOWN = 0.20  # the page's p95 with the job running, at most 20% over
WEB_SAMPLES = 60


def p95(seconds):
    return statistics.quantiles(seconds, n=20)[-1] * 1000


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("xlsx", "pdf"), default="xlsx")
        parser.add_argument("--events", type=int, default=100_000, help="at least this many")

    def handle(self, *args, format, events, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run it on PostgreSQL with the national dataset: set DATABASE_URL.")
        have = Event.objects.count()
        if have < events:
            raise CommandError(f"{have:,} events: run `manage.py generate_data` first.")
        user, _created = get_user_model().objects.get_or_create(
            username="bench-report-job", defaults={"is_staff": True, "is_superuser": True}
        )
        queue = f"bench-{uuid.uuid4().hex}"
        location = settings.CELERY_BROKER_URL
        shared = RedisCache(location, {"KEY_PREFIX": queue})
        # Run as deploy/systemd/portal-jobs.service runs it: on idle CPU time only.
        process = worker.start(queue, idle=True, REDIS_URL=location, CACHE_KEY_PREFIX=queue)
        try:
            idle = self.web_times(WEB_SAMPLES)
            job = Job.objects.create(
                kind=Job.Kind.REPORT,
                user=user,
                title=f"Bench: events register ({format})",
                language="hi",
                params={"report": "events", "language": "hi", "format": format},
            )
            started = time.perf_counter()
            run_job.apply_async((job.pk,), queue=queue)
            busy = self.follow(job, shared, process)
            seconds = time.perf_counter() - started
            peak = worker.peak_memory_mb(process)
        finally:
            process.kill()  # its job is done, or the bench has failed
            process.wait(30)
        job.refresh_from_db()
        self.report(job, format, seconds, peak, idle, busy)

    def web_times(self, count):
        """The event list's server times (s), requested in this process."""
        client, url = Client(HTTP_HOST="127.0.0.1"), reverse("events:list")
        times = []
        for _n in range(count):
            started = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - started)
        return times

    def follow(self, job, shared, process):
        """Print the job's progress until it ends; the page's times meanwhile."""
        times, shown = [], 0.0
        while True:
            job.refresh_from_db()
            if job.finished:
                return times
            if time.monotonic() - shown >= 5:
                figures = shared.get(progress.key(job)) or {}
                done, total = figures.get("done", 0), figures.get("total", 0)
                share = f"{100 * done / total:.0f}%" if total else "—"
                self.stdout.write(
                    f"{job.get_status_display()}: {done:,} / {total:,} rows ({share}), "
                    f"worker peak {worker.peak_memory_mb(process):.0f} MB"
                )
                shown = time.monotonic()
            times += self.web_times(3)
            time.sleep(0.5)  # a visitor's pace, not a load of its own

    def report(self, job, fmt, seconds, peak, idle, busy):
        size = job.file.size / 1e6 if job.file else 0
        # Too short a job to time the page beside it: no slowdown to speak of.
        busy_p95 = p95(busy) if len(busy) >= 20 else p95(idle)
        slowdown = busy_p95 / p95(idle) - 1
        self.stdout.write(
            f"\nThe events register of {job.total:,} events, {fmt.upper()}, as a job\n"
        )
        self.stdout.write(
            "| rows | seconds | rows/s | MB written | worker peak MB (budget) "
            "| page p95 ms without / with the job |"
        )
        self.stdout.write("|---:|---:|---:|---:|---:|---:|")
        self.stdout.write(
            f"| {job.done:,} | {seconds:.1f} | {job.done / seconds:,.0f} | {size:.1f} "
            f"| {peak:.0f} ({MEMORY_BUDGET_MB}) | {p95(idle):.0f} / {busy_p95:.0f} |"
        )
        broken = []
        if job.status != Job.Status.DONE:
            broken.append(f"the job {job.get_status_display().lower()}: {job.errors}")
        if peak > MEMORY_BUDGET_MB:
            broken.append(f"the worker's peak memory {peak:.0f} MB is over {MEMORY_BUDGET_MB} MB")
        if slowdown > WEB_SLOWDOWN:
            broken.append(f"the page's p95 is {100 * slowdown:.0f}% slower with the job running")
        if broken:
            raise CommandError("Budget broken: " + "; ".join(broken))
