"""Read a press note and print the proposed event (issue 19)."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.intake import ReportError, read_report


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Read a report of an event (plain text, UTF-8) and print the proposed event: "
        "as JSON in the schema of events/intake/schema.json with --json, else a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the report as a UTF-8 text file")
        parser.add_argument(
            "--language", choices=["en", "hi", "mr", "fa"], help="the report's language"
        )
        parser.add_argument(
            "--published", type=iso_date, help="publication date, for dates without a year"
        )
        parser.add_argument("--json", action="store_true", help="print the proposal as JSON")

    def handle(self, *args, **options):
        try:
            text = Path(options["file"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        try:
            proposal = read_report(text, options["language"], options["published"])
        except ReportError as error:
            raise CommandError(str(error.message)) from error
        data = proposal.as_json()
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(data))


def summary(data):
    """The proposal as lines a person reads."""
    lines = []
    title = (data["title"] or {}).get("original")
    for label, value in [
        ("Language", data["language"]),
        ("Title", title),
        ("Kind", data["kind"]),
        ("Dates", f"{data['start_date']} to {data['end_date']}" if data["start_date"] else None),
        ("Venue", data["venue"]),
        ("Place", ", ".join(filter(None, [data["city"], data["state"], data["country"]]))),
        ("Schemes", ", ".join(data["schemes"])),
        ("Target countries", ", ".join(data["target_countries"])),
    ]:
        lines.append(f"{label}: {value or '-'}")
    for name, figure in data["figures"].items():
        lines.append(f"Figure {name}: {figure['value']} ({figure['qualifier']})")
    for organiser in data["organisers"]:
        lines.append(f"Organiser: {organiser['original']} [{organiser.get('role') or '-'}]")
    for person in data["people"]:
        extra = ", ".join(
            filter(None, [person["designation_original"], person["role"], person["session"]])
        )
        lines.append(f"Person: {person['name_original']} ({extra or '-'})")
    return "\n".join(lines)
