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
(signal handlers below).
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
from django.db.models import Count, DateField, F, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear, TruncMonth
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from orgs.models import Organisation

from .models import (
    B2BMeeting,
    Event,
    MoU,
    MoUParty,
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


def _last_day(prefix=""):
    return Coalesce(f"{prefix}end_date", f"{prefix}start_date")


def _day_keys(prefix=""):
    """StatsDay's key out of an event's dates (`prefix` leads from a meeting or an MoU)."""
    return {
        "day": _last_day(prefix),
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
    month = TruncMonth(_last_day(), output_field=DateField())
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
        .annotate(first_day=Min(_last_day("event__")))
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
    # In one statement: the page cache listens to every delete, and a
    # summary row deleted through the ORM would be fetched, signalled and
    # would bump the content version on its own.
    old._raw_delete(old.db)
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
class _Changes:
    days: set = field(default_factory=set)
    buyers: set = field(default_factory=set)
    mou_register: bool = False


_batch: ContextVar[_Changes | None] = ContextVar("stats_summaries_batch", default=None)


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
    pending = _Changes()
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    refresh(pending.days, pending.buyers, pending.mou_register)


# What the summaries read, per model: read before a save, compared after,
# so that an edit of anything else (an event's description) rewrites nothing.
# Whether a meeting's buyer counts depends on these of its event's:
BUYERS_COUNT_BY = ("status", "start_date", "end_date", "country_id")
WATCHED = {
    Event: (
        *BUYERS_COUNT_BY,
        "kind",
        "region_id",
        *(f"{name}{part}" for name in StatsDay.FIGURES for part in ("", "_qualifier")),
    ),
    B2BMeeting: ("event_id", "buyer_id", "status"),
    MoU: ("event_id",),
    MoUParty: ("mou_id", "organisation_id"),
    Organisation: ("country_id",),
}
# The sectors' link tables the MoU register counts through (see MoUFilter),
# and the records whose owners count: an event's MoUs, an organisation's parties.
SECTOR_OWNERS = {
    Event.sectors.through: (MoU, "event"),
    Organisation.sectors.through: (MoUParty, "organisation"),
}


def _days_of(event_ids):
    events = Event.objects.filter(pk__in=set(event_ids) - {None}, start_date__isnull=False)
    return set(events.values_list(_last_day(), flat=True))


def _buyers_of(event_id):
    return set(B2BMeeting.objects.filter(event=event_id).values_list("buyer", flat=True))


def _has_mous(event_id):
    return MoU.objects.filter(event=event_id).exists()


def _remember(sender, instance, **kwargs):
    """pre_save: the watched fields as stored, {} for a new record."""
    fields, row = WATCHED[sender], None
    if instance.pk:
        stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields)
        row = stored.order_by("pk").first()  # not by the model's ordering, which may join
    instance._stats_before = dict(zip(fields, row, strict=True)) if row else {}


def _day(dates):
    return dates.get("end_date") or dates.get("start_date")


def _saved(sender, instance, **kwargs):
    before = instance._stats_before
    after = {name: getattr(instance, name) for name in WATCHED[sender]}
    if before == after:
        return
    if sender is Event:
        moved = any(before.get(name) != after[name] for name in BUYERS_COUNT_BY)
        # Its MoUs are public while it is published (public_mous); a new event has none.
        published = [state.get("status") == Event.Status.PUBLISHED for state in (before, after)]
        changed(
            days={_day(before), _day(after)},
            buyers=_buyers_of(instance.pk) if moved else (),
            mou_register=bool(before) and published[0] != published[1] and _has_mous(instance.pk),
        )
    elif sender is B2BMeeting:
        days = _days_of({before.get("event_id"), after["event_id"]})
        changed(days=days, buyers={before.get("buyer_id"), after["buyer_id"]})
    elif sender is MoU:
        changed(days=_days_of({before.get("event_id"), after["event_id"]}), mou_register=True)
    elif sender is MoUParty:
        changed(mou_register=True)
    elif before:  # an organisation moved country: whether it is a foreign buyer
        changed(buyers={instance.pk})


def _event_deleting(sender, instance, **kwargs):
    # Its meetings go with it: their own handlers leave them to this one.
    # Its MoUs stay, with no event, and so without its sectors and public.
    instance._stats_deleted = _Changes(
        {_day(vars(instance))}, _buyers_of(instance.pk), _has_mous(instance.pk)
    )


def _deleted_with(origin, model):
    """Whether a delete began at a `model` record or queryset, whose handler
    counts what went with it."""
    return isinstance(origin, model) or (isinstance(origin, QuerySet) and origin.model is model)


def _deleted(sender, instance, origin=None, **kwargs):
    if sender is Event:
        deleted = instance._stats_deleted
        changed(days=deleted.days, buyers=deleted.buyers, mou_register=deleted.mou_register)
    elif _deleted_with(origin, Event):
        return
    elif sender is B2BMeeting:
        changed(days=_days_of({instance.event_id}), buyers={instance.buyer_id})
    elif sender is MoU:
        changed(days=_days_of({instance.event_id}), mou_register=True)
    elif not _deleted_with(origin, MoU):  # a party taken off an MoU that stays
        changed(mou_register=True)


def _sectors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An event's or organisation's sectors changed: the MoU register's
    counts, if the events have MoUs or the organisations are parties."""
    if action not in ("post_add", "post_remove", "post_clear") or pk_set == set():
        return
    # From a sector's side, pk_set names the owners, but not on a clear.
    owners = pk_set if reverse else {instance.pk}
    counted_by, owner = SECTOR_OWNERS[sender]
    if owners is None or counted_by.objects.filter(**{f"{owner}__in": owners}).exists():
        changed(mou_register=True)


def _parties_changed(sender, action, pk_set, **kwargs):
    """Parties added to or taken off MoUs through `MoU.parties` (add(),
    remove(), set(), clear()), which saves and deletes no MoUParty one by one."""
    if action in ("post_add", "post_remove", "post_clear") and pk_set != set():
        changed(mou_register=True)


def connect_signals():
    """Keep the summaries current (called by EventsConfig.ready)."""
    for model in WATCHED:
        uid = f"stats_summaries_{model._meta.label_lower}"
        pre_save.connect(_remember, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        if model is not Organisation:  # deleted only without meetings
            post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    pre_delete.connect(_event_deleting, sender=Event, dispatch_uid="stats_summaries_event")
    for through in SECTOR_OWNERS:
        uid = f"mou_register_{through._meta.label_lower}"
        m2m_changed.connect(_sectors_changed, sender=through, dispatch_uid=uid)
    m2m_changed.connect(_parties_changed, sender=MoUParty, dispatch_uid="mou_register_parties")
