"""The events app's receivers: what a change of events, meetings, MoUs and
organisations keeps current, in the transaction of the change (the rule for
derived data: it is rewritten in the transaction of the change that makes
it stale).

- `remember` (pre_save) and `saved` (post_save): the statistics' summaries
  of the days and buyers a save touched, and the counts of the lists it
  touched (events.list_counts), when it changed a field they read (WATCHED);
- `event_deleting` and `deleted`: the same for a delete;
- `event_links_changed`: the event list's counts, when a published event's
  schemes, sectors, target markets or organisers change;
- `sectors_changed`: the MoU register's counts, when an event's or a
  party's sectors change;
- `parties_changed`: the MoU register's counts, when parties are added or
  taken off through MoU.parties;
- `choice_deleted`: every list's counts, when a scheme, sector or country
  goes, its links with it (without signals).

Names and other text are read when a page is shown, not stored: an edit of
them rewrites nothing. Each rewrite happens at once, or at the end of a
`summaries.batch()`. Concurrent rewrites queue on one lock
(events.summaries), so a rewrite here sees what another transaction has
just committed.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from orgs.models import Country, Organisation, Sector

from .list_counts import EVENT_LIST, MOU_REGISTER, STORED_LISTS
from .models import B2BMeeting, Event, EventOrganiser, MoU, MoUParty, Scheme, StatsDay
from .summaries import Changes, changed, last_day

# What the summaries and the lists' counts read, per model: read before a
# save, compared after, so that an edit of anything else (an event's
# description) rewrites nothing.
# Whether a meeting's buyer counts depends on these of its event's:
BUYERS_COUNT_BY = ("status", "start_date", "end_date", "country_id")
# What the event list counts its published events by, besides their links.
EVENT_LIST_READS = (*BUYERS_COUNT_BY, "kind", "region_id")
# What the MoU register counts an MoU by, besides its parties and sectors.
MOU_REGISTER_READS = ("event_id", "signed_on", "status")
WATCHED = {
    Event: (
        *EVENT_LIST_READS,
        *(f"{name}{part}" for name in StatsDay.FIGURES for part in ("", "_qualifier")),
    ),
    EventOrganiser: ("event_id", "organisation_id"),
    B2BMeeting: ("event_id", "buyer_id", "status"),
    MoU: MOU_REGISTER_READS,
    MoUParty: ("mou_id", "organisation_id"),
    Organisation: ("country_id",),
}
# The link tables of the events the event list counts by.
EVENT_LINKS = (
    Event.schemes.through,
    Event.sectors.through,
    Event.target_countries.through,
    EventOrganiser,
)
# The sectors' link tables the MoU register counts through (see MoUFilter),
# and the records whose owners count: an event's MoUs, an organisation's parties.
SECTOR_OWNERS = {
    Event.sectors.through: (MoU, "event"),
    Organisation.sectors.through: (MoUParty, "organisation"),
}
# Records whose links go with them, without signals: a scheme's, a sector's
# or a country's (as a target market) events, and a sector's organisations.
CHOICES = (Scheme, Sector, Country)
M2M_DONE = ("post_add", "post_remove", "post_clear")


def _days_of(event_ids):
    events = Event.objects.filter(pk__in=set(event_ids) - {None}, start_date__isnull=False)
    return set(events.values_list(last_day(), flat=True))


def _buyers_of(event_id):
    return set(B2BMeeting.objects.filter(event=event_id).values_list("buyer", flat=True))


def _has_mous(event_id):
    return MoU.objects.filter(event=event_id).exists()


def _published(event_ids):
    """Whether any of these events is published: the event list counts it."""
    ids = set(event_ids) - {None}
    return bool(ids) and Event.objects.published().filter(pk__in=ids).exists()


def remember(sender, instance, **kwargs):
    """pre_save: the watched fields as stored, {} for a new record."""
    fields, row = WATCHED[sender], None
    if instance.pk:
        stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields)
        row = stored.order_by("pk").first()  # not by the model's ordering, which may join
    instance._stats_before = dict(zip(fields, row, strict=True)) if row else {}


def _day(dates):
    return dates.get("end_date") or dates.get("start_date")


def _moved(before, after, fields):
    return any(before.get(name) != after[name] for name in fields)


def saved(sender, instance, **kwargs):
    before = instance._stats_before
    after = {name: getattr(instance, name) for name in WATCHED[sender]}
    if before == after:
        return
    if sender is Event:
        published = [state.get("status") == Event.Status.PUBLISHED for state in (before, after)]
        lists = set()
        if any(published) and _moved(before, after, EVENT_LIST_READS):
            lists.add(EVENT_LIST.name)
        # Its MoUs are public while it is published (public_mous); a new event has none.
        if before and published[0] != published[1] and _has_mous(instance.pk):
            lists.add(MOU_REGISTER.name)
        changed(
            days={_day(before), _day(after)},
            buyers=_buyers_of(instance.pk) if _moved(before, after, BUYERS_COUNT_BY) else (),
            lists=lists,
        )
    elif sender is EventOrganiser:
        if _published({before.get("event_id"), after["event_id"]}):
            changed(lists={EVENT_LIST.name})
    elif sender is B2BMeeting:
        days = _days_of({before.get("event_id"), after["event_id"]})
        changed(days=days, buyers={before.get("buyer_id"), after["buyer_id"]})
    elif sender is MoU:
        events = {before.get("event_id"), after["event_id"]}
        moved = before.get("event_id") != after["event_id"]
        changed(days=_days_of(events) if moved else (), lists={MOU_REGISTER.name})
    elif sender is MoUParty:
        changed(lists={MOU_REGISTER.name})
    elif before:  # an organisation moved country: whether it is a foreign buyer
        changed(buyers={instance.pk})


def event_deleting(sender, instance, **kwargs):
    # Its meetings and organisers go with it: their own handlers leave them
    # to this one. Its MoUs stay, with no event, and so without its sectors
    # and public.
    lists = set()
    if instance.status == Event.Status.PUBLISHED:
        lists.add(EVENT_LIST.name)
    if _has_mous(instance.pk):
        lists.add(MOU_REGISTER.name)
    instance._stats_deleted = Changes({_day(vars(instance))}, _buyers_of(instance.pk), lists)


def _deleted_with(origin, model):
    """Whether a delete began at a `model` record or queryset, whose handler
    counts what went with it."""
    return isinstance(origin, model) or (isinstance(origin, QuerySet) and origin.model is model)


def deleted(sender, instance, origin=None, **kwargs):
    if sender is Event:
        deleted = instance._stats_deleted
        changed(days=deleted.days, buyers=deleted.buyers, lists=deleted.lists)
    elif _deleted_with(origin, Event):
        return
    elif sender is EventOrganiser:
        if _published({instance.event_id}):
            changed(lists={EVENT_LIST.name})
    elif sender is B2BMeeting:
        changed(days=_days_of({instance.event_id}), buyers={instance.buyer_id})
    elif sender is MoU:
        changed(days=_days_of({instance.event_id}), lists={MOU_REGISTER.name})
    elif not _deleted_with(origin, MoU):  # a party taken off an MoU that stays
        changed(lists={MOU_REGISTER.name})


def event_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A published event's schemes, sectors, target markets or organisers
    changed (from either side): the event list's counts."""
    if action not in M2M_DONE or pk_set == set():
        return
    # From the other side, pk_set names the events, but not on a clear.
    events = pk_set if reverse else {instance.pk}
    if events is None or _published(events):
        changed(lists={EVENT_LIST.name})


def sectors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An event's or organisation's sectors changed: the MoU register's
    counts, if the events have MoUs or the organisations are parties."""
    if action not in M2M_DONE or pk_set == set():
        return
    # From a sector's side, pk_set names the owners, but not on a clear.
    owners = pk_set if reverse else {instance.pk}
    counted_by, owner = SECTOR_OWNERS[sender]
    if owners is None or counted_by.objects.filter(**{f"{owner}__in": owners}).exists():
        changed(lists={MOU_REGISTER.name})


def parties_changed(sender, action, pk_set, **kwargs):
    """Parties added to or taken off MoUs through `MoU.parties` (add(),
    remove(), set(), clear()), which saves and deletes no MoUParty one by one."""
    if action in M2M_DONE and pk_set != set():
        changed(lists={MOU_REGISTER.name})


def choice_deleted(sender, **kwargs):
    """A scheme, sector or country deleted: its links went with it unsignalled."""
    changed(lists=STORED_LISTS)


def connect():
    """Keep the summaries and the lists' counts current (EventsConfig.ready)."""
    for model in WATCHED:
        uid = f"stats_summaries_{model._meta.label_lower}"
        pre_save.connect(remember, sender=model, dispatch_uid=uid)
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        if model is not Organisation:  # deleted only without meetings
            post_delete.connect(deleted, sender=model, dispatch_uid=uid)
    pre_delete.connect(event_deleting, sender=Event, dispatch_uid="stats_summaries_event")
    for through in EVENT_LINKS:
        uid = f"event_list_{through._meta.label_lower}"
        m2m_changed.connect(event_links_changed, sender=through, dispatch_uid=uid)
    for through in SECTOR_OWNERS:
        uid = f"mou_register_{through._meta.label_lower}"
        m2m_changed.connect(sectors_changed, sender=through, dispatch_uid=uid)
    m2m_changed.connect(parties_changed, sender=MoUParty, dispatch_uid="mou_register_parties")
    for model in CHOICES:
        uid = f"list_counts_{model._meta.label_lower}"
        post_delete.connect(choice_deleted, sender=model, dispatch_uid=uid)
