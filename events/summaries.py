"""The derived tables (the Stats* models, ListCounts), kept current with every change.

The rule for derived data: it is rewritten in the transaction of the change
that makes it stale; what depends on the date is stored with its day and
read only on that day.

Summed over every event each time, the page's figures took seconds at a
national scale. They are kept instead in small tables keyed by the events'
last day, in the transaction of each change:

- StatsDay: per last day and starting quarter, the events, the sums of
  their reported figures and their recorded meetings and MoUs;
- StatsKindMonth, StatsRegionMonth: events per kind and per region, by the
  month of the last day (events.stats adds this month's days from the
  events, through the index on their last day);
- StatsBuyer: each foreign buyer's first day, since buyers are counted
  once whatever the number of their meetings.

The public lists' counts as most visitors open them (ListCounts: the event
list at its defaults, the MoU register unfiltered; events.list_counts) are
kept likewise, a list's row rewritten whole by the facet engine that counts
any list. The event list's holds for the day it was counted on: on another
day its page counts live, until the next change rewrites it.

A save or delete of an event, its organisers, a meeting, an MoU, an MoU's
party or an organisation, a change of an event's schemes, sectors, target
markets or organisers, of an organisation's sectors or of an MoU's parties,
or the delete of a scheme, sector or country, rewrites from the source
records the rows of the days, months and buyers it touched, and the counts
of the lists it touched (events.receivers). Names are read when a page is
shown, not stored: renaming a record rewrites nothing.
`batch()` gathers the changes of a block, an import or a load, and
rewrites them once at its end; `rebuild()` rewrites all
(generate_data, which writes without saving models, and the migration that
adds the tables). Writes that send no signals (QuerySet.update(),
bulk_create()) must call `refresh()` or `rebuild()` themselves.

Concurrent rewrites queue on one PostgreSQL advisory lock, held to the end
of the transaction, so a rewrite sees the rows another transaction has just
committed (each rewrite counts its rows afresh: two at once would each miss
the other's change). Visitors never take it: they only read.
"""

import datetime
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Count, DateField, F, Min, Q, Sum
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear, TruncMonth

from .list_counts import STORED_LISTS
from .models import (
    B2BMeeting,
    Event,
    ListCounts,
    MoU,
    Qualifier,
    StatsBuyer,
    StatsDay,
    StatsKindMonth,
    StatsRegionMonth,
)

# The monthly summaries, and the event field each counts by.
MONTHLY = ((StatsKindMonth, "kind"), (StatsRegionMonth, "region_id"))


def last_day(prefix=""):
    return Coalesce(f"{prefix}end_date", f"{prefix}start_date")


def _day_keys(prefix=""):
    """StatsDay's key out of an event's dates (`prefix` leads from a meeting or an MoU)."""
    return {
        "day": last_day(prefix),
        "year": ExtractYear(f"{prefix}start_date"),
        "quarter": ExtractQuarter(f"{prefix}start_date"),
    }


def figure_aggregates(name):
    """StatsDay's columns for a reported figure, aggregated over events."""
    reported = Q(**{f"{name}__isnull": False})
    qualifier = f"{name}_qualifier"
    return {
        f"{name}_sum": Sum(name),
        f"{name}_reported": Count(name),
        f"{name}_at_least": Count("pk", filter=reported & Q(**{qualifier: Qualifier.AT_LEAST})),
        f"{name}_about": Count("pk", filter=reported & Q(**{qualifier: Qualifier.ABOUT})),
    }


def _counted_events():
    """The events the summaries count: published, with dates (else never held)."""
    return Event.objects.published().filter(start_date__isnull=False)._with_last_day()


def _day_rows(events):
    """StatsDay rows for `events`: three grouped queries, merged by key."""
    figures = {}
    for name in StatsDay.FIGURES:
        figures.update(figure_aggregates(name))
    sources = (
        (events, "", {"events": Count("pk"), **figures}),
        (
            B2BMeeting.objects.filter(event__in=events),
            "event__",
            {
                "meetings_recorded": Count("pk"),
                "meetings_held": Count("pk", filter=Q(status=B2BMeeting.Status.HELD)),
            },
        ),
        (MoU.objects.filter(event__in=events), "event__", {"mous_recorded": Count("pk")}),
    )
    rows = {}
    for queryset, prefix, aggregates in sources:
        keys = _day_keys(prefix)
        # annotate() then values(): values(**expressions) would group by every column.
        for row in queryset.order_by().annotate(**keys).values(*keys).annotate(**aggregates):
            key = (row.pop("day"), row.pop("year"), row.pop("quarter"))
            rows.setdefault(key, {}).update(row)
    return [
        StatsDay(day=day, year=year, quarter=quarter, **values)
        for (day, year, quarter), values in rows.items()
    ]


def _month_rows(model, field, events):
    month = TruncMonth(last_day(), output_field=DateField())
    rows = events.order_by().annotate(month=month).values(field, "month")
    return [model(**row) for row in rows.annotate(events=Count("pk"))]


def _buyer_rows(meetings):
    rows = (
        meetings.filter(
            status=B2BMeeting.Status.HELD,
            event__status=Event.Status.PUBLISHED,
            event__start_date__isnull=False,
        )
        .exclude(buyer__country=F("event__country"))
        .order_by()
        .annotate(country_id=F("buyer__country"))
        .values("buyer_id", "country_id")
        .annotate(first_day=Min(last_day("event__")))
    )
    return [StatsBuyer(**row) for row in rows]


def _rewrite(rows, old):
    # One DELETE statement: nothing listens to a derived table's deletes
    # (portal.receivers), so Django deletes its rows without fetching them.
    old.delete()
    old.model.objects.bulk_create(rows)


def _next_month(month):
    return (month + datetime.timedelta(days=31)).replace(day=1)


# pg_advisory_xact_lock's key for the rewrites: any number no other lock uses.
REWRITE_LOCK = 0x5354415453  # "STATS"


def _queue_for_rewrite():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REWRITE_LOCK])


def refresh(days=(), buyers=(), lists=()):
    """Rewrite the summaries of the events whose last day is one of `days`,
    of `buyers`, and the counts of the `lists` named (events.list_counts)."""
    if days or buyers or lists:
        _queue_for_rewrite()
    if days:
        _rewrite(
            _day_rows(_counted_events().filter(last_day__in=days)),
            StatsDay.objects.filter(day__in=days),
        )
        months = {day.replace(day=1) for day in days}
        in_months = _counted_events().filter(
            reduce(or_, (Q(last_day__gte=m, last_day__lt=_next_month(m)) for m in months))
        )
        for model, field_name in MONTHLY:
            _rewrite(
                _month_rows(model, field_name, in_months),
                model.objects.filter(month__in=months),
            )
    if buyers:
        _rewrite(
            _buyer_rows(B2BMeeting.objects.filter(buyer__in=buyers)),
            StatsBuyer.objects.filter(buyer__in=buyers),
        )
    for name in sorted(lists):
        _rewrite([STORED_LISTS[name].counted()], ListCounts.objects.filter(name=name))


def rebuild():
    """Rewrite every summary from the events, meetings and MoUs."""
    events = _counted_events()
    _rewrite(_day_rows(events), StatsDay.objects.all())
    for model, field_name in MONTHLY:
        _rewrite(_month_rows(model, field_name, events), model.objects.all())
    _rewrite(_buyer_rows(B2BMeeting.objects.all()), StatsBuyer.objects.all())
    refresh(lists=STORED_LISTS)


# Changes, one by one or in a batch.


@dataclass
class Changes:
    days: set = field(default_factory=set)
    buyers: set = field(default_factory=set)
    lists: set = field(default_factory=set)


_batch: ContextVar[Changes | None] = ContextVar("stats_summaries_batch", default=None)


def changed(*, days=(), buyers=(), lists=()):
    """Rewrite the summaries of these days and buyers, and the counts of
    these lists, now or at the end of the batch."""
    days, buyers, lists = set(days) - {None}, set(buyers) - {None}, set(lists)
    pending = _batch.get()
    if pending is None:
        refresh(days, buyers, lists)
    else:
        pending.days |= days
        pending.buyers |= buyers
        pending.lists |= lists


@contextmanager
def batch():
    """Gather the changes made inside the block and rewrite their summaries once,
    at its end (inside the block's transaction, if it runs in one). Nothing is
    rewritten if the block raises: its transaction is being rolled back."""
    if _batch.get() is not None:
        yield
        return
    pending = Changes()
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    refresh(pending.days, pending.buyers, pending.lists)
