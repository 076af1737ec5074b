"""An independent check of a schedule against its problem, for the bench and the tests.

Written apart from the scheduler (it shares none of its constraint-building):
it reads the schedule as a list of meetings and checks each rule directly.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    kind: str  # one of KINDS
    detail: str


KINDS = (
    "unknown request",
    "unknown slot",
    "unknown table",
    "request placed twice",
    "firm twice in a slot",
    "table twice in a slot",
    "reserved table",
    "firm unavailable",
    "over maximum",
    "pinned meeting moved",
)


def validate(problem, assignments) -> list[Violation]:
    """The schedule's violations of `problem`'s rules; none means it is valid."""
    requests = {r.id: r for r in problem.requests}
    firms = {f.id: f for f in problem.firms}
    slots = {s.id for s in problem.slots}
    tables = {t.id: t for t in problem.tables}
    violations = []

    def violation(kind, detail):
        violations.append(Violation(kind, detail))

    meetings = Counter(a.request for a in assignments)
    for request_id, times in meetings.items():
        if times > 1:
            violation("request placed twice", f"request {request_id} placed {times} times")

    per_firm = Counter()
    in_slot = defaultdict(list)  # (firm, slot): request ids
    at_table = defaultdict(list)  # (table, slot): request ids
    for a in assignments:
        request = requests.get(a.request)
        if request is None:
            violation("unknown request", f"request {a.request} is not one of the problem's")
            continue
        if a.slot not in slots:
            violation("unknown slot", f"request {a.request} in unknown slot {a.slot}")
            continue
        if a.table not in tables:
            violation("unknown table", f"request {a.request} at unknown table {a.table}")
        elif tables[a.table].reserved:
            violation("reserved table", f"request {a.request} at reserved table {a.table}")
        at_table[a.table, a.slot].append(a.request)
        for firm_id in (request.buyer, request.seller):
            per_firm[firm_id] += 1
            in_slot[firm_id, a.slot].append(a.request)
            if a.slot not in firms[firm_id].available:
                violation("firm unavailable", f"firm {firm_id} is not available in slot {a.slot}")

    for (firm_id, slot), held in in_slot.items():
        if len(held) > 1:
            violation("firm twice in a slot", f"firm {firm_id} in slot {slot}: requests {held}")
    for (table, slot), held in at_table.items():
        if len(held) > 1:
            violation("table twice in a slot", f"table {table} in slot {slot}: requests {held}")
    for firm_id, count in per_firm.items():
        if count > firms[firm_id].max_meetings:
            violation(
                "over maximum",
                f"firm {firm_id}: {count} meetings, at most {firms[firm_id].max_meetings}",
            )

    placed = {a.request: (a.slot, a.table) for a in assignments}
    for request_id, where in problem.pinned.items():
        if placed.get(request_id) != where:
            violation(
                "pinned meeting moved",
                f"request {request_id} pinned at {where}, is at {placed.get(request_id)}",
            )
    return violations
