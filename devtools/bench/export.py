"""The meetings register CSV beside PostgreSQL's COPY, timed by bench_export's own code.

Run in a fresh process (`in_fresh_process`): the peak memory it reports is
then the export's (with Django loaded), not that of the bench that generated
the data.
"""

import multiprocessing
import resource
from concurrent.futures import ProcessPoolExecutor

from devtools.bench.report import Export


def measure(rows):
    """Fill the meetings up to `rows` if fewer (bench_export), time COPY and the portal's CSV."""
    import django

    django.setup()
    from devtools.management.commands.bench_export import Command
    from events.exporters import MeetingsRegister
    from portal.reports.csv_writer import write_csv

    command = Command()
    command.fill(rows)
    table = MeetingsRegister().table("hi")
    copy_seconds, copy_size = command.timed(command.copy_plain, table)
    csv_seconds, size = command.timed(write_csv, table)
    return Export(
        rows=rows,
        copy_seconds=copy_seconds,
        csv_seconds=csv_seconds,
        copy_megabytes=copy_size / 1e6,
        megabytes=size / 1e6,
        peak_mb=peak_mb(),
    )


def peak_mb():
    """This process's peak memory since it started its program.

    Linux carries ru_maxrss over exec, so a spawned child's would count the
    parent's size when it forked; VmHWM is the new program's own.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_fresh_process(rows):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(measure, rows).result()
