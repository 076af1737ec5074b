"""Fill the database with a realistic national dataset (devtools.generate).

At scale 1 it adds 100,000 events, 50,000 organisations, 200,000 people,
500,000 roles, 20,000 MoUs and 1,000,000 B2B meetings; --scale multiplies
every count. The data is added to what is there, in one transaction.
"""

import resource
import time

from django.core.management.base import BaseCommand, CommandError

from devtools.generate import counts_at, generate
from events.models import Event

# Below this, some kinds of organisation would have no member at all.
MIN_ORGANISATIONS = 10


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="multiply every count (default 1)"
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="the same seed gives the same data (default 0)"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing if the database already has as many events as this would add",
        )

    def handle(self, *args, scale, seed, if_empty, **options):
        counts = counts_at(scale)
        if counts["organisations"] < MIN_ORGANISATIONS:
            raise CommandError(
                f"--scale {scale} is too small: "
                f"it gives fewer than {MIN_ORGANISATIONS} organisations."
            )
        if if_empty:
            have = Event.objects.count()
            if have >= counts["events"]:
                self.stdout.write(
                    f"{have:,} events already there (this would add {counts['events']:,}): "
                    "nothing generated."
                )
                return
        self.stdout.write(
            f"Generating at scale {scale:g}, seed {seed}: "
            + ", ".join(f"{count:,} {name}" for name, count in counts.items())
        )
        started = time.perf_counter()
        result = generate(scale=scale, seed=seed, report=self.stdout.write)
        total = time.perf_counter() - started
        rows = sum(count for _table, count, _seconds in result.tables)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(
            f"{rows:,} rows in {total:.1f} s (peak memory of the process: {peak_mb:.0f} MB)."
        )
        if result.flagship:
            self.stdout.write(
                f"Published event with {result.flagship_meetings:,} B2B meetings: "
                f"{result.flagship} (/en/events/{result.flagship}/)"
            )
