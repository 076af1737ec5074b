"""The default event list's counts, stored between changes.

Most visitors open the list as it comes: upcoming events, no filter. Its
count and facet counts group every upcoming event by its schemes, sectors,
target markets and organisers, the heaviest statement of any public page at
a national scale. They change only when the content does, or when a day
ends, so they are kept in a row (EventListCounts) with the day and the
content version they were counted at (portal.page_cache): a visitor who
finds them current reads one row; the first after a change or at a new day
counts again and rewrites it. The row is written without signals, so it
bumps no version itself.
"""

from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.listing import facet_counts, top_counts
from portal.models import ContentVersion
from portal.page_cache import content_version

from .models import EventListCounts


def _counted(filterset, facet_fields, limits):
    total, counts = facet_counts(filterset, facet_fields)
    return total, top_counts(filterset, facet_fields, limits, counts)


def list_counts(filterset, facet_fields, limits):
    """facet_counts' answer, each facet cut to `limits`; stored for the default list."""
    if not filterset.at_defaults():
        return _counted(filterset, facet_fields, limits)
    day = timezone.localdate()
    # Version 0 until the first change makes the row (page_cache.content_version).
    current = Coalesce(Subquery(ContentVersion.objects.filter(pk=1).values("number")), Value(0))
    stored = EventListCounts.objects.filter(pk=1, day=day, version=current)
    for row in stored.values_list("counts", flat=True):
        return row["total"], row["counts"]
    # Read before counting: counts at least as new as the version they are
    # stored under, whatever changes commit meanwhile.
    version = content_version()
    total, counts = _counted(filterset, facet_fields, limits)
    EventListCounts.objects.bulk_create(
        [
            EventListCounts(
                pk=1, day=day, version=version, counts={"total": total, "counts": counts}
            )
        ],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["day", "version", "counts"],
    )
    return total, counts
