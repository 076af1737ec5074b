"""Random matchmaking problems of a given size, the same for the same seed (tests, bench)."""

import random
from dataclasses import dataclass

from .problem import Firm, Problem, Request, Side, Slot, Table


@dataclass(frozen=True)
class Size:
    buyers: int
    sellers: int
    days: int
    slots_per_day: int
    tables: int
    reserved_tables: int
    requests: int  # accepted ones: those the scheduler places


# The two benchmark meets: Pune's (700 of its 1,500 requests accepted) and a national one.
PUNE = Size(41, 300, 2, 16, 45, 2, 700)
NATIONAL = Size(500, 3000, 3, 16, 200, 4, 10_000)


def generate(size: Size, seed=0) -> Problem:
    """Firms available in most slots (a quarter away for half a day, 5% of slots missed here and
    there); buyers allow half to all the slots, sellers 8 to 12 meetings; some buyers far more
    sought after than others; priorities 1 (half), 2 or 3."""
    rng = random.Random(seed)
    slots = [
        Slot(day * size.slots_per_day + position, day, position)
        for day in range(size.days)
        for position in range(size.slots_per_day)
    ]
    tables = [Table(i, reserved=i < size.reserved_tables) for i in range(size.tables)]

    def available():
        slot_ids = {s.id for s in slots}
        if rng.random() < 0.25:
            day, half = rng.randrange(size.days), rng.randrange(2)
            half_day = size.slots_per_day // 2
            slot_ids -= {s.id for s in slots if s.day == day and s.position // half_day == half}
        return frozenset(s for s in slot_ids if rng.random() >= 0.05)

    buyers = [
        Firm(i, Side.BUYER, rng.randint(len(slots) // 2, len(slots)), available())
        for i in range(size.buyers)
    ]
    sellers = [
        Firm(size.buyers + i, Side.SELLER, rng.randint(8, 12), available())
        for i in range(size.sellers)
    ]
    popularity = [rng.lognormvariate(0, 0.5) for _ in buyers]
    pairs = set()
    while len(pairs) < size.requests:
        buyer = rng.choices(buyers, popularity)[0]
        pairs.add((buyer.id, rng.choice(sellers).id))
    requests = [
        Request(i, buyer, seller, rng.choices([1, 2, 3], [5, 3, 2])[0])
        for i, (buyer, seller) in enumerate(sorted(pairs))
    ]
    return Problem(slots, tables, buyers + sellers, requests)
