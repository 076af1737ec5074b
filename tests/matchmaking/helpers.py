"""Small problems written out in a line or two."""

from matchmaking.problem import Firm, Problem, Request, Side, Slot, Table


def problem(slots=3, days=1, tables=1, reserved=(), firms=None, requests=(), pinned=None):
    """`slots` per day, numbered 0.. across the days; tables numbered 0..; `firms`:
    {id: (max meetings, available slots or None for all)}, buyers' ids starting with "b";
    `requests`: (id, buyer, seller, priority)."""
    all_slots = [Slot(d * slots + p, d, p) for d in range(days) for p in range(slots)]
    everywhere = frozenset(s.id for s in all_slots)
    return Problem(
        slots=all_slots,
        tables=[Table(t, reserved=t in reserved) for t in range(tables)],
        firms=[
            Firm(
                firm_id,
                Side.BUYER if firm_id.startswith("b") else Side.SELLER,
                maximum,
                everywhere if available is None else frozenset(available),
            )
            for firm_id, (maximum, available) in (firms or {}).items()
        ],
        requests=[Request(*request) for request in requests],
        pinned=pinned or {},
    )


def slot_of(result):
    return {a.request: a.slot for a in result.assignments}
