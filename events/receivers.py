"""The events app's receivers: what a change of events, meetings, MoUs and
organisations keeps current, in the transaction of the change.

- `remember` (pre_save) and `saved` (post_save): the statistics' summaries
  and the MoU register's counts (events.summaries) of the days, buyers and
  parties a save touched, when it changed a field they read (WATCHED);
- `event_deleting` and `deleted`: the same for a delete;
- `sectors_changed`: the MoU register's sector counts, when an event's or a
  party's sectors change;
- `parties_changed`: the MoU register's party counts, when parties are
  added or taken off through MoU.parties.

Each rewrite happens at once, or at the end of a `summaries.batch()`.
portal.receivers, connected first (the portal app comes first), bumps the
content version before these run: concurrent changes queue on its row, so
a rewrite here sees what another transaction has just committed.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from orgs.models import Organisation

from .models import B2BMeeting, Event, MoU, MoUParty, StatsDay
from .summaries import Changes, changed, last_day

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
    return set(events.values_list(last_day(), flat=True))


def _buyers_of(event_id):
    return set(B2BMeeting.objects.filter(event=event_id).values_list("buyer", flat=True))


def _has_mous(event_id):
    return MoU.objects.filter(event=event_id).exists()


def remember(sender, instance, **kwargs):
    """pre_save: the watched fields as stored, {} for a new record."""
    fields, row = WATCHED[sender], None
    if instance.pk:
        stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields)
        row = stored.order_by("pk").first()  # not by the model's ordering, which may join
    instance._stats_before = dict(zip(fields, row, strict=True)) if row else {}


def _day(dates):
    return dates.get("end_date") or dates.get("start_date")


def saved(sender, instance, **kwargs):
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


def event_deleting(sender, instance, **kwargs):
    # Its meetings go with it: their own handlers leave them to this one.
    # Its MoUs stay, with no event, and so without its sectors and public.
    instance._stats_deleted = Changes(
        {_day(vars(instance))}, _buyers_of(instance.pk), _has_mous(instance.pk)
    )


def _deleted_with(origin, model):
    """Whether a delete began at a `model` record or queryset, whose handler
    counts what went with it."""
    return isinstance(origin, model) or (isinstance(origin, QuerySet) and origin.model is model)


def deleted(sender, instance, origin=None, **kwargs):
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


def sectors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An event's or organisation's sectors changed: the MoU register's
    counts, if the events have MoUs or the organisations are parties."""
    if action not in ("post_add", "post_remove", "post_clear") or pk_set == set():
        return
    # From a sector's side, pk_set names the owners, but not on a clear.
    owners = pk_set if reverse else {instance.pk}
    counted_by, owner = SECTOR_OWNERS[sender]
    if owners is None or counted_by.objects.filter(**{f"{owner}__in": owners}).exists():
        changed(mou_register=True)


def parties_changed(sender, action, pk_set, **kwargs):
    """Parties added to or taken off MoUs through `MoU.parties` (add(),
    remove(), set(), clear()), which saves and deletes no MoUParty one by one."""
    if action in ("post_add", "post_remove", "post_clear") and pk_set != set():
        changed(mou_register=True)


def connect():
    """Keep the summaries current (EventsConfig.ready)."""
    for model in WATCHED:
        uid = f"stats_summaries_{model._meta.label_lower}"
        pre_save.connect(remember, sender=model, dispatch_uid=uid)
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        if model is not Organisation:  # deleted only without meetings
            post_delete.connect(deleted, sender=model, dispatch_uid=uid)
    pre_delete.connect(event_deleting, sender=Event, dispatch_uid="stats_summaries_event")
    for through in SECTOR_OWNERS:
        uid = f"mou_register_{through._meta.label_lower}"
        m2m_changed.connect(sectors_changed, sender=through, dispatch_uid=uid)
    m2m_changed.connect(parties_changed, sender=MoUParty, dispatch_uid="mou_register_parties")
