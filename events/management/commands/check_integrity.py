from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from events.integrity import RULES
from events.models import B2BMeeting


class Command(BaseCommand):
    help = (
        "List the B2B meetings on record that break a rule of the portal (events.integrity): "
        "a firm or a table booked twice at a time, a meeting outside its event's days, a buyer "
        "or seller of the wrong kind, an MoU not signed by both firms. Changes nothing; exits "
        "with status 1 if any is found."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--show", type=int, default=20, help="How many meetings to list per rule (20)."
        )

    def handle(self, *args, show, **options):
        found = 0
        self.stdout.write(f"{B2BMeeting.objects.count():,} B2B meetings checked.")
        for rule, breaking in RULES.items():
            meetings = breaking().select_related("event", "buyer", "seller").order_by("pk")
            count = meetings.count()
            found += count
            self.stdout.write(f"- {rule}: {count:,}")
            for meeting in meetings[:show]:
                when = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M")
                self.stdout.write(
                    f"    meeting {meeting.pk}: {meeting.event.slug}, {when}, "
                    f"table {meeting.table or '-'}, {meeting.buyer} × {meeting.seller}"
                )
        if found:
            raise CommandError(f"{found:,} violations.")
        self.stdout.write(self.style.SUCCESS("0 violations."))
