"""Score the report reader on a directory of gold annotations (issue 19)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.intake.places import shipped_gazetteer
from events.intake.scoring import score_directory


class Command(BaseCommand):
    help = (
        "Read each NAME.txt of GOLD_DIR, compare the proposal with NAME.json and print "
        "per-field precision, recall and F1 (lists) and exact-match rates (scalars)."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold_dir", help="a directory of NAME.txt and NAME.json pairs")
        parser.add_argument(
            "--misses", action="store_true", help="also list each scalar the reader got wrong"
        )

    def handle(self, *args, **options):
        directory = Path(options["gold_dir"])
        if not directory.is_dir() or not any(directory.glob("*.json")):
            raise CommandError(f"No gold annotations (*.json) in {directory}")
        # Loaded before the clock starts: reading time is per report, not per process.
        shipped_gazetteer()
        score = score_directory(directory)
        self.stdout.write(score.table())
        if options["misses"]:
            for name, scalar, want, got in score.misses:
                self.stdout.write(f"{name}: {scalar} gold {want!r}, read {got!r}")
