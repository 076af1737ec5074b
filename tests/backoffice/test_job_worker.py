"""A worker killed mid-job loses no job and the job is not done twice: a real
Celery worker, a process of its own on the machine's Redis and the test's
PostgreSQL database, is killed (SIGKILL) while it imports a spreadsheet; the
broker hands the unacknowledged task to a second worker after its visibility
timeout (3 seconds here, looked for every second), which imports every row once.

The test holds the firms' table locked against writes until the first worker
waits on it, and kills it then: caught inside its import however fast the
machine (a sleep before the kill let a fast one finish all its rows first).

Needs PostgreSQL (the worker is another process, which SQLite's in-memory
test database cannot be shared with) and Redis (skipped without, saying why;
a failure under CI).
"""

import signal
import time

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction

from backoffice.tasks import run_job
from devtools.worker import start
from orgs.models import Organisation
from portal import jobs
from portal.models import Job
from tests import factories

ROWS = 400


def worker(queue, private_root):
    return start(
        queue,
        PRIVATE_MEDIA_ROOT=str(private_root),
        CELERY_VISIBILITY_TIMEOUT="3",
        CELERY_RESTORE_INTERVAL="1",
    )


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def waits_on_firms():
    """Whether another session waits for a lock on the firms' table (the worker, to write)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = %s::regclass",
            [Organisation._meta.db_table],
        )
        return cursor.fetchone()[0] > 0


def status(job):
    job.refresh_from_db()
    return job.status


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_whose_worker_is_killed_is_done_once_by_the_next(broker, jobs_folder, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker is another process: it needs PostgreSQL, not SQLite's memory")
    rows = "".join(f"Worker Test Firm {n},msme,IN,,\n" for n in range(ROWS))
    job = Job.objects.create(
        kind="import",
        user=factories.staff_with("add_organisation", "change_organisation"),
        title="Import",
        language="en",
        params={"model": "orgs.organisation", "resource": 0, "format": 0, "options": {}},
    )
    jobs.keep(job, "firms.csv", ContentFile(f"name,kind,country,udyam_number,iec\n{rows}"))
    job.save()
    first = worker(broker, tmp_path)
    second = None
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {Organisation._meta.db_table} IN SHARE MODE")
            run_job.delay(job.pk)
            assert wait_for(lambda: status(job) == "running", 60), "the first worker never started"
            assert wait_for(waits_on_firms, 60), "the first worker never came to write a firm"
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        assert status(job) == "running"
        assert Organisation.objects.count() == 0  # its transaction died with it

        second = worker(broker, tmp_path)
        assert wait_for(lambda: status(job) == "done", 600), "the job was not delivered again"
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(10)
    assert job.outcome == {"new": ROWS} and job.done == ROWS
    assert Organisation.objects.filter(name_en__startswith="Worker Test Firm").count() == ROWS
    assert [p.name for p in (jobs_folder / str(job.pk)).iterdir()] == ["firms.csv"]
