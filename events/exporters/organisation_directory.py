"""The organisation directory, or with event filters those that took part in those events."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orgs.models import Organisation
from portal.reports.exporter import joined

from ..models import B2BMeeting, Event, EventOrganiser, MoUParty
from .filters import EventsExporter


class OrganisationDirectory(EventsExporter):
    """Organisations; with event filters, those that organised, met or signed at those events.

    The events, meetings, organiser links and MoU parties it looks through
    are the user's (`read`): someone else's draft event does not show who
    met or signed there.
    """

    slug = "organisations"
    verbose_name = gettext_lazy("Organisation directory")
    model = Organisation

    def queryset(self):
        orgs = self.records()
        if self.filters.region:
            region = self.filters.region
            orgs = orgs.filter(Q(region=region) | Q(region__parent=region))
        if self.filters.on_events:
            events = self.filters.events(self.read(Event))
            meetings = self.read(B2BMeeting).filter(event__in=events)
            orgs = orgs.filter(
                Q(pk__in=self.read(EventOrganiser).filter(event__in=events).values("organisation"))
                | Q(pk__in=meetings.values("buyer"))
                | Q(pk__in=meetings.values("seller"))
                | Q(pk__in=self.read(MoUParty).filter(mou__event__in=events).values("organisation"))
            )
        return orgs.select_related(
            "country", "region", "region__parent", "parent"
        ).prefetch_related("sectors")

    def header(self):
        return [
            _("Name"),
            _("Acronym"),
            _("Kind"),
            _("Parent organisation"),
            _("Country"),
            _("State / district"),
            _("Sectors"),
            _("Udyam registration number"),
            _("IEC"),
            _("Website"),
        ]

    def rows(self):
        for org in self.queryset().iterator(chunk_size=2000):
            yield (
                org.name,
                org.acronym,
                org.get_kind_display(),
                str(org.parent or ""),
                str(org.country),
                str(org.region or ""),
                joined(org.sectors.all()),
                org.udyam_number,
                org.iec,
                org.website,
            )
