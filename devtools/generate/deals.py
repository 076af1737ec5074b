"""MoUs with their parties, and B2B meetings, as the event plans foresee them."""

import random
from datetime import timedelta
from decimal import Decimal

from devtools.generate import words
from devtools.generate.records import Slugs, fill, in_phrase, next_id, pick, translated
from devtools.generate.schedule import YEARS_BACK
from events.models import B2BMeeting, MoU, MoUParty

MOU_VALUED = 0.5
TRADE_DEALS = 0.6  # MoUs between a firm and a buyer; the others between public and trade bodies
FACILITATED = 0.25
WITNESSED = 0.05
# {(currency, smallest and largest value in its units): weight}
MOU_VALUES = {("INR", 500_000, 500_000_000): 7, ("USD", 10_000, 2_000_000): 3}
ORDER_VALUES = {
    ("USD", 500, 200_000): 5,
    ("INR", 50_000, 10_000_000): 2,
    ("EUR", 500, 150_000): 2,
    ("AED", 2_000, 500_000): 1,
}
RECENT_MOU_STATUSES = {MoU.Status.SIGNED: 6, MoU.Status.UNDER_IMPLEMENTATION: 4}
OLD_MOU_STATUSES = {
    MoU.Status.UNDER_IMPLEMENTATION: 40,
    MoU.Status.COMPLETED: 35,
    MoU.Status.LAPSED: 25,
}


def _value(rng, values):
    """(value, currency)"""
    currency, low, high = pick(rng, values)
    return Decimal(rng.randint(low, high)), currency


def make_mous(writer, reference, directory, plans, total, seed, today):
    """MoUs at the events planned to have them, and the rest signed elsewhere."""
    rng = random.Random(f"{seed}:mous")
    at_events = [plan for plan in plans for _ in range(plan.mous)]
    indian = [place for place in reference.places if place.country == "IN"]
    elsewhere = [(None, rng.choice(indian)) for _ in range(total - len(at_events))]
    signings = [(plan, plan.place) for plan in at_events] + elsewhere
    slugs = Slugs(MoU)
    first = next_id(MoU)
    sectors = [in_phrase(sector.translations("name")) for sector in reference.sectors]
    parties = []  # (MoU id, order, organisation id, role)

    def rows():
        for pk, (plan, place) in enumerate(signings, first):
            if plan:
                signed_on, where = plan.start, plan.region.translations("name")
            else:
                signed_on = today - timedelta(days=rng.randrange(YEARS_BACK * 365))
                where = place.region.translations("name")
            sector = rng.choice(sectors)
            title = fill(rng.choice(words.MOU_TITLES), place.languages, place=where, sector=sector)
            value, currency = _value(rng, MOU_VALUES) if rng.random() < MOU_VALUED else (None, "")
            signatories = enumerate(_parties(rng, directory, place), 1)
            parties.extend(
                (pk, order, organisation, role) for order, (organisation, role) in signatories
            )
            yield {
                "id": pk,
                "slug": slugs(title["en"]),
                "event_id": plan.id if plan else None,
                "signed_on": signed_on,
                "status": _status(rng, today - signed_on),
                "value": value,
                "currency": currency,
                **translated("title", title),
                **translated(
                    "purpose", fill(words.MOU_PURPOSE, place.languages, place=where, sector=sector)
                ),
                **translated("activities", {}),
            }

    writer.insert(MoU, rows())
    writer.insert(
        MoUParty,
        (
            {"mou_id": mou, "organisation_id": organisation, "role": role, "order": order}
            for mou, order, organisation, role in parties
        ),
    )


def _parties(rng, directory, place):
    """Two parties (a firm and a buyer, or a public and a trade body), and
    sometimes a facilitator and a witness; never the same one twice."""
    Role = MoUParty.Role
    keys = [place.region.pk, place.state.pk, place.country]
    if directory.buyers and rng.random() < TRADE_DEALS:
        chosen = [
            (rng.choice(directory.msmes), Role.PARTY),
            (rng.choice(directory.buyers), Role.PARTY),
        ]
    else:
        chosen = [
            (directory.body(rng, "official", keys), Role.PARTY),
            (directory.body(rng, "trade", keys), Role.PARTY),
        ]
    if rng.random() < FACILITATED:
        chosen.append((directory.body(rng, "official", keys[1:]), Role.FACILITATOR))
    if rng.random() < WITNESSED:
        chosen.append((directory.body(rng, "trade", keys[2:]), Role.WITNESS))
    unique = {}
    for organisation, role in chosen:
        unique.setdefault(organisation, role)
    # A small directory may give one body twice: there are still two parties.
    while len(unique) < MoU.MIN_PARTIES:
        unique.setdefault(rng.choice(directory.organisations)[0], Role.PARTY)
    return list(unique.items())


def _status(rng, age):
    return pick(rng, RECENT_MOU_STATUSES if age.days < 365 else OLD_MOU_STATUSES)


# As long as an event's meetings are by default (Event.meeting_minutes), in
# slots of half an hour (schedule.SLOTS_PER_DAY).
MEETING_LENGTH = timedelta(minutes=20)


def make_meetings(writer, directory, plans, seed, today):
    """Each planned meet's schedule: every buyer meets one seller a slot, never
    a seller twice, so no firm is booked twice at a time and no firm meets itself."""
    rng = random.Random(f"{seed}:meetings")

    def rows():
        for plan in plans:
            if not plan.meetings:
                continue
            slots = plan.slots()
            buyers = rng.sample(directory.buyers, plan.buyers)
            # At least as many sellers as slots, so that no buyer meets one twice.
            sellers = rng.sample(
                directory.msmes, min(len(directory.msmes), max(plan.buyers, slots))
            )
            held = plan.end < today
            left = plan.meetings
            for slot in range(slots):
                starts_at = plan.slot_time(slot)
                for n, buyer in enumerate(buyers[:left]):
                    status, outcome, value, currency = _meeting_result(rng, held)
                    yield {
                        "event_id": plan.id,
                        "buyer_id": buyer,
                        "seller_id": sellers[(n + slot) % len(sellers)],
                        "starts_at": starts_at,
                        "ends_at": starts_at + MEETING_LENGTH,
                        "table": f"T-{n + 1}",
                        "status": status,
                        "outcome": outcome,
                        "value": value,
                        "currency": currency,
                    }
                left -= min(left, len(buyers))

    writer.insert(B2BMeeting, rows())


Status, Outcome = B2BMeeting.Status, B2BMeeting.Outcome
HELD_STATUSES = {Status.HELD: 85, Status.NO_SHOW: 7, Status.CANCELLED: 8}
BOOKED_STATUSES = {Status.CONFIRMED: 60, Status.REQUESTED: 40}
OUTCOMES = {
    Outcome.NONE: 40,
    Outcome.FOLLOW_UP: 35,
    Outcome.SAMPLE_ORDER: 12,
    Outcome.ORDER: 8,
    Outcome.MOU: 5,
}
VALUED_OUTCOMES = {Outcome.SAMPLE_ORDER, Outcome.ORDER}


def _meeting_result(rng, held):
    """(status, outcome, value, currency) of a meeting at a meet that is over or not."""
    if not held:
        return pick(rng, BOOKED_STATUSES), Outcome.NONE, None, ""
    status = pick(rng, HELD_STATUSES)
    outcome = pick(rng, OUTCOMES) if status == Status.HELD else Outcome.NONE
    if outcome in VALUED_OUTCOMES:
        return status, outcome, *_value(rng, ORDER_VALUES)
    return status, outcome, None, ""
