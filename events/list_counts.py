"""The counts of each public list as most visitors open it, stored (ListCounts).

Most visitors open the event list as it comes (upcoming events, no filter)
and the MoU register unfiltered. Their count and facet counts group every
upcoming event, or every public MoU, by link tables of a hundred thousand
rows and more: the heaviest statements of any public page at a national
scale. They are counted by the same engine as any list
(portal.facet_counts), and stored, one row per list.

The rule for derived data: it is rewritten in the transaction of the change
that makes it stale; what depends on the date is stored with its day and
read only on that day. So events.summaries rewrites a list's row (`counted`)
with every change that can alter it (events.receivers), and generate_data
and the migration rebuild it. The event list's counts depend on the date
(upcoming is reckoned from today: its FilterSet's `defaults_change_daily`)
and are stored with the day they were counted on; on another day the page
counts them live, until a change rewrites the row. A request never writes:
a row that is missing, or of another day, or of facets declared otherwise,
is counted over live and left as it is.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from portal.facet_counts import Counts, count

from .filters import EventFilter, MoUFilter
from .models import Event, ListCounts, MoU


@dataclass(frozen=True)
class StoredList:
    """A public list whose counts, as most visitors open it, are stored."""

    name: str
    filterset_class: type
    rows: Callable[[], QuerySet]  # the rows the list shows, unfiltered

    def filterset(self, params):
        return self.filterset_class(params, queryset=self.rows())

    def day(self):
        """The day the counts hold for: today if they depend on the date, else None."""
        return timezone.localdate() if self.filterset_class.defaults_change_daily else None

    def stored_counts(self, filterset):
        """The stored counts, if `filterset` asks for the list as it opens and
        they hold today; else None, and the caller counts. One query."""
        if not filterset.at_defaults():
            return None
        for day, counts in ListCounts.objects.filter(name=self.name).values_list("day", "counts"):
            if day == self.day():
                return Counts.from_json(counts, filterset)
        return None

    def counted(self):
        """The list's row, counted now (events.summaries writes it)."""
        counts = count(self.filterset({}))
        return ListCounts(name=self.name, day=self.day(), counts=counts.as_json())


EVENT_LIST = StoredList("events", EventFilter, lambda: Event.objects.published())
MOU_REGISTER = StoredList("mous", MoUFilter, lambda: MoU.objects.public())

STORED_LISTS = {stored.name: stored for stored in (EVENT_LIST, MOU_REGISTER)}
