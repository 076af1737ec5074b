"""The rules B2B meetings on record must keep, as queries over all of them.

The models refuse a meeting that breaks one (B2BMeeting.clean, and on
PostgreSQL the exclusion constraints); these find the ones recorded before a
rule existed, or written without the models (`manage.py check_integrity`,
and migration 0013 before it adds the constraints). Each rule is a queryset
of the meetings that break it, so that the database does the work whatever
their number.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from .models import B2BMeeting, Event, MoUParty


def _booked():
    """The meetings that hold their slot (not cancelled, not a no-show)."""
    return B2BMeeting.objects.exclude(status__in=B2BMeeting.FREED)


def _at_the_same_time():
    """The other booked meetings of a meeting's event that overlap it (for Exists)."""
    return (
        _booked()
        .filter(
            event=OuterRef("event"),
            starts_at__lt=OuterRef("ends_at"),
            ends_at__gt=OuterRef("starts_at"),
        )
        .exclude(pk=OuterRef("pk"))
    )


def firms_booked_twice():
    """A firm in two meetings at once, in either part (buyer or seller)."""
    buyer, seller = OuterRef("buyer"), OuterRef("seller")
    others = _at_the_same_time().filter(
        Q(buyer=buyer) | Q(seller=buyer) | Q(buyer=seller) | Q(seller=seller)
    )
    return _booked().filter(Exists(others))


def tables_booked_twice():
    others = _at_the_same_time().filter(table=OuterRef("table"))
    return _booked().exclude(table="").filter(Exists(others))


def outside_their_events_days():
    zone = timezone.get_current_timezone()
    return B2BMeeting.objects.annotate(
        first_day=TruncDate("starts_at", tzinfo=zone),
        last_day=TruncDate("ends_at", tzinfo=zone),
    ).filter(
        Q(event__start_date__isnull=True)
        | Q(first_day__lt=F("event__start_date"))
        | Q(last_day__gt=Coalesce("event__end_date", "event__start_date"))
    )


def _of_kinds_the_event_refuses(side, kinds_of):
    """Meetings whose `side` (buyer, seller) is of a kind its event does not allow.

    The kinds are per event (a JSON list, or the defaults), so the pairs of
    event and kind are read grouped, and only the refused ones looked up.
    """
    pairs = B2BMeeting.objects.values_list("event", f"{side}__kind").distinct()
    events = Event.objects.in_bulk({event for event, _kind in pairs})
    refused = Q(pk__in=[])
    for event_id, kind in pairs:
        if kind not in kinds_of(events[event_id]):
            refused |= Q(event=event_id, **{f"{side}__kind": kind})
    return B2BMeeting.objects.filter(refused)


def buyers_that_do_not_buy_there():
    return _of_kinds_the_event_refuses("buyer", lambda event: event.buyer_kinds)


def sellers_that_do_not_sell_there():
    return _of_kinds_the_event_refuses("seller", lambda event: event.seller_kinds)


def mous_not_signed_by_both():
    parties = MoUParty.objects.filter(mou=OuterRef("mou"))
    return B2BMeeting.objects.filter(mou__isnull=False).filter(
        ~Exists(parties.filter(organisation=OuterRef("buyer")))
        | ~Exists(parties.filter(organisation=OuterRef("seller")))
        | ~Q(outcome=B2BMeeting.Outcome.MOU)
    )


RULES = {
    "a firm in two meetings at once": firms_booked_twice,
    "a table in two meetings at once": tables_booked_twice,
    "outside its event's days": outside_their_events_days,
    "a buyer of a kind that does not buy at the event": buyers_that_do_not_buy_there,
    "a seller of a kind that does not sell at the event": sellers_that_do_not_sell_there,
    "an MoU not signed by both firms, or the outcome not MoU": mous_not_signed_by_both,
}
