"""The B2B meetings register: one row per meeting, hundreds of thousands of them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.reports.exporter import choice_label, local, shown

from ..models import B2BMeeting, Event
from .filters import EventsExporter


class MeetingsRegister(EventsExporter):
    """Every column in SQL, labels included, read in chunks.

    Its rows are one query (`values_queryset`), which the CSV writer hands to
    PostgreSQL's COPY.
    """

    slug = "meetings"
    verbose_name = gettext_lazy("B2B meetings register")
    model = B2BMeeting

    def header(self):
        return [
            _("Event"),
            _("Buyer"),
            _("Buyer country"),
            _("Seller"),
            _("Time"),
            _("Table"),
            _("Status"),
            _("Outcome"),
            _("Value"),
            _("Currency"),
        ]

    def values_queryset(self):
        meetings = self.records()
        if self.filters.on_events or self.filters.region:
            meetings = meetings.filter(event__in=self.filters.events(self.read(Event)))
        return meetings.order_by(
            "event__start_date", "event_id", "starts_at", "table", "pk"
        ).values_list(
            shown("title", "event__"),
            shown("name", "buyer__"),
            shown("name", "buyer__country__"),
            shown("name", "seller__"),
            "starts_at",
            "table",
            choice_label("status", B2BMeeting.Status.choices),
            choice_label("outcome", B2BMeeting.Outcome.choices),
            "value",
            "currency",
        )

    def queryset(self):
        return self.values_queryset()

    def rows(self):
        for row in self.values_queryset().iterator(chunk_size=5000):
            yield (*row[:4], local(row[4]), *row[5:])
