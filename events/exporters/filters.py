"""What every report of the events app is filtered by, and the exporters' common base."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from orgs.models import Organisation, Region
from portal.reports.exporter import Exporter

from ..models import Event, Scheme


@dataclass(frozen=True)
class ReportFilters:
    """What every report is filtered by; empty means "all".

    The period is the event's start date (an MoU's signing date in the MoU
    register); a state includes its districts.
    """

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    scheme: Scheme | None = None
    region: Region | None = None
    kind: str = ""
    organiser: Organisation | None = None
    status: str = ""

    def events_q(self, prefix="", *, period=True):
        """The condition on events, reached from another model through `prefix`."""
        q = Q()
        if period and self.date_from:
            q &= Q(**{f"{prefix}start_date__gte": self.date_from})
        if period and self.date_to:
            q &= Q(**{f"{prefix}start_date__lte": self.date_to})
        if self.scheme:
            q &= Q(**{f"{prefix}schemes": self.scheme})
        if self.region:
            q &= Q(**{f"{prefix}region": self.region}) | Q(
                **{f"{prefix}region__parent": self.region}
            )
        if self.kind:
            q &= Q(**{f"{prefix}kind": self.kind})
        if self.organiser:
            q &= Q(**{f"{prefix}organisers": self.organiser})
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        return q

    def events(self, events: QuerySet[Event]) -> QuerySet[Event]:
        """Those of `events` (an exporter's, already in the user's scope) the filters keep."""
        condition = self.events_q()
        if not condition:
            return events
        # pk__in keeps the many-to-many joins out of the report's own query,
        # so that a row never comes out twice.
        return events.filter(pk__in=events.filter(condition).values("pk"))

    @property
    def on_events(self):
        """Whether any condition besides the place is set."""
        return any(
            (self.date_from, self.date_to, self.scheme, self.kind, self.organiser, self.status)
        )

    def described(self):
        """(label, value) of each filter set, for a report's heading."""
        values = [
            (_("From"), self.date_from),
            (_("To"), self.date_to),
            (_("Scheme"), self.scheme),
            (_("State / district"), self.region),
            (_("Kind"), self.kind and Event.Kind(self.kind).label),
            (_("Organiser"), self.organiser),
            (_("Publication"), self.status and Event.Status(self.status).label),
        ]
        return [(label, value) for label, value in values if value]


class EventsExporter(Exporter):
    """A report of the events app: filtered by ReportFilters."""

    filters_class = ReportFilters
