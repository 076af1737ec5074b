from django.core.management.base import BaseCommand

from devtools.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the events, organisations, people and schemes the seed news reports describe, "
        "with sample upcoming meets. Safe to run again: only what differs is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-samples",
            action="store_true",
            help="Leave out the invented sample meets, firms and B2B meetings.",
        )

    def handle(self, *args, no_samples, **options):
        counts = load_demo(samples=not no_samples)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {counts['created']} records created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged."
            )
        )
