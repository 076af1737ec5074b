"""The first-fit baseline, and the board both it and the scheduler place meetings on."""

import time
from collections import Counter

from .problem import Assignment, Problem, Result, idle_slots
from .reasons import explain


class Board:
    """What is taken, slot by slot, as meetings are placed one at a time."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.busy = set()  # (firm id, slot id)
        self.count = Counter()  # firm id: meetings
        self.free_tables = {
            s.id: [t.id for t in problem.tables if not t.reserved] for s in problem.slots
        }
        self.assignments = []
        self.placed = set()  # request ids

    def place(self, request, slot, table):
        if table in self.free_tables[slot]:
            self.free_tables[slot].remove(table)
        self.busy.update({(request.buyer, slot), (request.seller, slot)})
        self.count.update([request.buyer, request.seller])
        self.assignments.append(Assignment(request.id, slot, table))
        self.placed.add(request.id)

    def place_at_free_table(self, request, slot, prefer=None):
        """Place `request` in `slot` at `prefer` if free there, else at the first free table."""
        free = self.free_tables[slot]
        table = prefer if prefer in free else free[0]
        self.place(request, slot, table)
        return table

    def first_fit(self, request, slots=None) -> bool:
        """Place `request` in the first slot where both firms and a table are free.

        `slots`: those to try, in order (default: all those both firms are available).
        """
        firm = self.problem.firm
        if any(self.count[f] >= firm[f].max_meetings for f in (request.buyer, request.seller)):
            return False
        for slot in self.problem.common_slots(request) if slots is None else slots:
            if (
                self.free_tables[slot]
                and (request.buyer, slot) not in self.busy
                and (request.seller, slot) not in self.busy
            ):
                self.place_at_free_table(request, slot)
                return True
        return False

    def place_pinned(self):
        for request_id, (slot, table) in self.problem.pinned.items():
            self.place(self.problem.request[request_id], slot, table)

    def result(self, status, bound, started) -> Result:
        return Result(
            assignments=self.assignments,
            unplaced=explain(self.problem, self.placed),
            status=status,
            objective=sum(self.problem.request[r].priority for r in self.placed),
            bound=bound,
            idle=idle_slots(self.problem, self.assignments),
            seconds=time.monotonic() - started,
        )


def by_priority(requests):
    """Highest priority first; among equals, the order given (sorted() is stable)."""
    return sorted(requests, key=lambda r: -r.priority)


def first_fit(problem: Problem) -> Result:
    """Pinned meetings first, then each request by priority in its first free slot."""
    started = time.monotonic()
    board = Board(problem)
    board.place_pinned()
    for request in by_priority(r for r in problem.requests if r.id not in problem.pinned):
        board.first_fit(request)
    return board.result("heuristic", None, started)
