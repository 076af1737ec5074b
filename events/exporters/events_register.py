"""The events register: one row per event."""

from django.db.models import OuterRef, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.languages import columns
from portal.listing import SubqueryCount
from portal.reports.exporter import joined

from ..models import B2BMeeting, Event, EventOrganiser, MoU, Qualifier
from .filters import EventsExporter

# The headline figures' column headers, written as headers (the model's field
# names are lower case: "MSMEs" must not become "Msmes").
FIGURE_HEADERS = {
    "participants": gettext_lazy("Participants"),
    "msmes": gettext_lazy("MSMEs"),
    "foreign_buyers": gettext_lazy("Foreign buyers"),
    "buyer_countries": gettext_lazy("Buyer countries"),
    "b2b_meetings": gettext_lazy("B2B meetings"),
    "mous": gettext_lazy("MoUs"),
}


class EventsRegister(EventsExporter):
    """Dates, place, schemes, organisers, publication, whether it goes ahead,
    reported figures, recorded outcomes."""

    slug = "events"
    verbose_name = gettext_lazy("Events register")
    model = Event

    def queryset(self):
        organisers = self.read(EventOrganiser).select_related("organisation")
        events = self.filters.events(self.records()).for_listing()
        meetings, mous = self.read(B2BMeeting), self.read(MoU)
        # The long texts the register does not show stay in the database: a
        # year of events is read a chunk at a time, each chunk's in memory.
        events = events.defer("search_text", "description", *columns("description"))
        return events.prefetch_related(Prefetch("organiser_links", queryset=organisers)).annotate(
            meetings_recorded=SubqueryCount(meetings.filter(event=OuterRef("pk"))),
            mous_recorded=SubqueryCount(mous.filter(event=OuterRef("pk"))),
        )

    def header(self):
        return [
            _("Title"),
            _("Kind"),
            _("Start date"),
            _("End date"),
            _("Venue"),
            _("City"),
            _("State / district"),
            _("Country"),
            _("Schemes"),
            _("Organisers"),
            _("Publication"),
            _("Event status"),
            *(FIGURE_HEADERS[name] for name in Event.FIGURES),
            _("Figures not exact"),
            _("B2B meetings recorded"),
            _("MoUs recorded"),
        ]

    def rows(self):
        # In chunks, each with its own prefetches: a year of events is never held at once.
        for event in self.queryset().iterator(chunk_size=1000):
            qualified = [
                f"{label}: {Qualifier(qualifier).label}"
                for label, _value, qualifier in event.figures()
                if qualifier != Qualifier.EXACT
            ]
            yield (
                event.title,
                event.get_kind_display(),
                event.start_date,
                event.end_date,
                event.venue,
                event.city,
                str(event.region or ""),
                str(event.country),
                joined(event.schemes.all()),
                joined(link.organisation for link in event.organiser_links.all()),
                event.get_status_display(),
                event.get_schedule_display(),
                *(getattr(event, name) for name in Event.FIGURES),
                joined(qualified),
                event.meetings_recorded,
                event.mous_recorded,
            )
