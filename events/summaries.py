"""The summaries (the Stats* models, MoURegisterCount), kept current with every change.

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

The public MoU register's party and sector counts over every public MoU
(MoURegisterCount) are kept likewise, rewritten whole: a hundred rows or so.

A save or delete of an event, a meeting, an MoU, an MoU's party or an
organisation, or a change of an event's or organisation's sectors or of an
MoU's parties, rewrites from the source records the rows of the days,
months and buyers it touched, and the register's counts if it touched them
(events.receivers).
`batch()` gathers the changes of a block, an import or a load, and
rewrites them once at its end; `rebuild()` rewrites all
(generate_data, which writes without saving models, and the migration that
adds the tables). Writes that send no signals (QuerySet.update(),
bulk_create()) must call `refresh()` or `rebuild()` themselves.

Concurrent changes queue on the page cache's content version row
(portal.page_cache) before their handlers here run, so a rewrite sees the
rows another transaction has just committed.
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

from .models import (
    B2BMeeting,
    Event,
    MoU,
    MoURegisterCount,
    Qualifier,
    StatsBuyer,
    StatsDay,
    StatsKindMonth,
    StatsRegionMonth,
)
from .mou_selectors import public_mous, sector_counts, top_party_counts

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


def _mou_register_rows():
    mous, facet = public_mous(), MoURegisterCount.Facet
    counts = {facet.PARTY: top_party_counts(mous), facet.SECTOR: sector_counts(mous)}
    return [
        MoURegisterCount(facet=name, key=key, mous=n)
        for name, by_key in counts.items()
        for key, n in by_key.items()
    ]


def _rewrite(rows, old):
    # One DELETE statement: nothing listens to a derived table's deletes
    # (portal.receivers), so Django deletes its rows without fetching them.
    old.delete()
    old.model.objects.bulk_create(rows)


def _next_month(month):
    return (month + datetime.timedelta(days=31)).replace(day=1)


def refresh(days=(), buyers=(), mou_register=False):
    """Rewrite the summaries of the events whose last day is one of `days`,
    of `buyers`, and the MoU register's counts if `mou_register`."""
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
    if mou_register:
        _rewrite(_mou_register_rows(), MoURegisterCount.objects.all())


def rebuild():
    """Rewrite every summary from the events, meetings and MoUs."""
    events = _counted_events()
    _rewrite(_day_rows(events), StatsDay.objects.all())
    for model, field_name in MONTHLY:
        _rewrite(_month_rows(model, field_name, events), model.objects.all())
    _rewrite(_buyer_rows(B2BMeeting.objects.all()), StatsBuyer.objects.all())
    # Migration 0005 fills the statistics tables with this function, before
    # 0009 adds the register's.
    if MoURegisterCount._meta.db_table in connection.introspection.table_names():
        refresh(mou_register=True)


# Changes, one by one or in a batch.


@dataclass
class Changes:
    days: set = field(default_factory=set)
    buyers: set = field(default_factory=set)
    mou_register: bool = False


_batch: ContextVar[Changes | None] = ContextVar("stats_summaries_batch", default=None)


def changed(*, days=(), buyers=(), mou_register=False):
    """Rewrite the summaries of these days and buyers, and the MoU register's
    counts if `mou_register`, now or at the end of the batch."""
    days, buyers = set(days) - {None}, set(buyers) - {None}
    pending = _batch.get()
    if pending is None:
        refresh(days, buyers, mou_register)
    else:
        pending.days |= days
        pending.buyers |= buyers
        pending.mou_register |= mou_register


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
    refresh(pending.days, pending.buyers, pending.mou_register)
