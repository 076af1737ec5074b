"""Time the B2B meetings register CSV against PostgreSQL's own COPY of the same rows.

Needs PostgreSQL: DATABASE_URL=postgres://user@127.0.0.1:5432/bench_reports
(a database of its own: it fills 1,000,000 meetings if there are fewer).
Prints a Markdown table: seconds, ratio to COPY, megabytes written, and the
process's peak memory.
"""

import resource
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from events.exporters import MeetingsRegister
from events.models import B2BMeeting, Event
from orgs.models import Country, Organisation
from portal.reports.csv_writer import python_chunks, write_csv

ROWS = 1_000_000
PER_SIDE = 1000  # buyers, and sellers: a slot of an event meets each once


class Sink:
    """A binary file that only counts what is written into it."""

    def __init__(self):
        self.size = 0

    def write(self, data):
        self.size += len(data)
        return len(data)


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=ROWS)
        parser.add_argument(
            "--python", action="store_true", help="also time the pure-Python writer (slow)"
        )

    def handle(self, *args, rows, python, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The bench compares with PostgreSQL's COPY: set DATABASE_URL, e.g. "
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reports make bench"
            )
        self.fill(rows)
        table = MeetingsRegister().table("hi")
        results = [("COPY (SELECT ...) TO STDOUT", *self.timed(self.copy_plain, table))]
        results.append(("portal CSV writer (COPY path)", *self.timed(write_csv, table)))
        if python:
            fresh = MeetingsRegister().table("hi")
            results.append(("pure-Python writer (fallback)", *self.timed(self.python, fresh)))
        self.report(results, rows)

    def fill(self, rows):
        have = B2BMeeting.objects.count()
        if have >= rows:
            return
        self.stdout.write(f"Filling {rows - have:,} B2B meetings…")
        india, _created = Country.objects.get_or_create(code="IN", defaults={"name": "India"})
        with transaction.atomic():
            orgs = Organisation.objects.bulk_create(
                Organisation(
                    name=f"Bench {side} {n}",
                    slug=f"bench-{side}-{n}-{have}",
                    kind=Organisation.Kind.MSME,
                    country=india,
                )
                for side in ("buyer", "seller")
                for n in range(PER_SIDE)
            )
            buyers = [org.pk for org in orgs[:PER_SIDE]]
            sellers = [org.pk for org in orgs[PER_SIDE:]]
            per_event = PER_SIDE * 10
            events = Event.objects.bulk_create(
                Event(
                    title=f"Bench meet {n}",
                    slug=f"bench-meet-{n}-{have}",
                    kind=Event.Kind.BUYER_SELLER_MEET,
                    country=india,
                    start_date=timezone.localdate(),
                )
                for n in range(-(-(rows - have) // per_event))
            )
            # One INSERT ... SELECT: the database makes the rows, nothing crosses the wire.
            with connection.cursor() as cursor:
                cursor.execute(
                    """
                    INSERT INTO events_b2bmeeting (event_id, buyer_id, seller_id, starts_at,
                        ends_at, "table", status, outcome, value, currency, created_at, updated_at)
                    SELECT (%(events)s::bigint[])[g / %(per_event)s + 1],
                        (%(buyers)s::bigint[])[g %% %(side)s + 1],
                        (%(sellers)s::bigint[])[(g %% %(side)s + g / %(side)s) %% %(side)s + 1],
                        now() + ((g %% %(per_event)s) / %(side)s) * interval '30 minutes',
                        now() + ((g %% %(per_event)s) / %(side)s) * interval '30 minutes'
                            + interval '20 minutes',
                        'T-' || (g %% %(side)s), 'held', 'follow_up',
                        CASE WHEN g %% 3 = 0 THEN (g %% 1000) * 10.5 END,
                        CASE WHEN g %% 3 = 0 THEN 'INR' ELSE '' END, now(), now()
                    FROM generate_series(0, %(n)s - 1) AS g
                    """,
                    {
                        "events": [event.pk for event in events],
                        "buyers": buyers,
                        "sellers": sellers,
                        "per_event": per_event,
                        "side": PER_SIDE,
                        "n": rows - have,
                    },
                )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def timed(self, function, table):
        sink = Sink()
        started = time.perf_counter()
        function(table, sink)
        return time.perf_counter() - started, sink.size

    def copy_plain(self, table, out):
        """PostgreSQL's own COPY of the register's SELECT, as the yardstick."""
        sql, params = table.queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            inner = cursor.mogrify(sql, params).decode()
            cursor.copy_expert(f"COPY ({inner}) TO STDOUT WITH (FORMAT csv)", out, 1 << 16)

    def python(self, table, out):
        for chunk in python_chunks(table.header, table.rows):
            out.write(chunk.encode())

    def report(self, results, rows):
        baseline = results[0][1]
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"\n{rows:,} B2B meetings, CSV, headers in Hindi\n")
        self.stdout.write("| export | seconds | × COPY | MB written |")
        self.stdout.write("|---|---:|---:|---:|")
        for name, seconds, size in results:
            self.stdout.write(
                f"| {name} | {seconds:.2f} | {seconds / baseline:.2f} | {size / 1e6:.1f} |"
            )
        self.stdout.write(f"\nPeak memory of the process: {peak_mb:.0f} MB")
