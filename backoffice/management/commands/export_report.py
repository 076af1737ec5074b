"""Write a report to a file or to standard output, for scheduled runs."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.forms import ModelChoiceField

from backoffice.forms import ReportForm, option_fields
from portal.reports.formats import write

FILTERS = ("date_from", "date_to", "scheme", "region", "kind", "organiser", "status")


def option(name):
    return "--" + name.replace("_", "-")


class Command(BaseCommand):
    help = (
        "Write one of the reports (events, outcomes, mous, meetings, organisations, registrations)."
    )

    def add_arguments(self, parser):
        form = ReportForm()
        parser.add_argument("report", choices=[c for c, _l in form.fields["report"].choices])
        parser.add_argument("--format", default="csv", choices=["csv", "xlsx", "pdf"])
        parser.add_argument("--language", default="en", choices=["en", "hi", "mr", "fa"])
        # Each report's own options, as its exporter declares them (e.g. --group-by).
        for name, field in option_fields().items():
            # A record (--event) is named by its slug, as in the filters: not listed.
            offered = [] if isinstance(field, ModelChoiceField) else getattr(field, "choices", [])
            choices = [value for value, _label in offered if value != ""]
            parser.add_argument(
                option(name),
                default=field.initial,
                choices=choices or None,
                help=f"{field.label} (its report only)",
            )
        parser.add_argument("--date-from", help="YYYY-MM-DD: events starting on or after")
        parser.add_argument("--date-to", help="YYYY-MM-DD: events starting on or before")
        parser.add_argument("--scheme", help="the scheme's slug")
        parser.add_argument("--region", help="a state's or district's slug")
        parser.add_argument("--kind", help="the kind of event, e.g. buyer_seller_meet")
        parser.add_argument("--organiser", help="the organising organisation's slug")
        parser.add_argument("--status", help="draft or published")
        parser.add_argument("--output", "-o", default="-", help="a file; - for standard output")

    def handle(self, *args, **options):
        # The admin page's form checks the options: same choices, same messages.
        names = ("report", "format", "language", *option_fields(), *FILTERS)
        form = ReportForm({name: options[name] or "" for name in names})
        if not form.is_valid():
            errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in form.errors.items())
            raise CommandError(errors)
        # A scheduled run has no user: every record (the back-office passes the user's scope).
        table, fmt = form.table(), form.cleaned_data["format"]
        if options["output"] == "-":
            write(table, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open(options["output"], "wb") as out:
                write(table, fmt, out)
