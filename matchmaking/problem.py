"""A matchmaking problem and its result, as plain data: no Django models.

The scheduler (scheduler.py), the greedy baseline (greedy.py) and the
validator (validator.py) all read a `Problem`; the models of a meet will be
turned into one when they exist. Ids are whatever the caller uses (primary
keys, strings in tests): they only need to be hashable.
"""

from collections.abc import Hashable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from .reasons import Reason

Id = Hashable


class Side(StrEnum):
    BUYER = "buyer"
    SELLER = "seller"


@dataclass(frozen=True)
class Slot:
    """A time slot; `day` and `position` (within the day) define "consecutive" and idle gaps."""

    id: Id
    day: int
    position: int


@dataclass(frozen=True)
class Table:
    id: Id
    reserved: bool = False  # kept free: no meeting is scheduled at it


@dataclass(frozen=True)
class Firm:
    id: Id
    side: Side
    max_meetings: int
    available: frozenset  # slot ids


@dataclass(frozen=True)
class Request:
    """An accepted request: a meeting the buyer and the seller both want."""

    id: Id
    buyer: Id
    seller: Id
    priority: int = 1  # the weight of the meeting in the objective, 1 to 3


@dataclass
class Problem:
    slots: list[Slot]  # in time order
    tables: list[Table]
    firms: list[Firm]
    requests: list[Request]
    # Meetings placed by hand or already notified: {request id: (slot id, table id)}.
    pinned: dict[Id, tuple[Id, Id]] = field(default_factory=dict)

    @cached_property
    def firm(self) -> dict[Id, Firm]:
        return {f.id: f for f in self.firms}

    @cached_property
    def request(self) -> dict[Id, Request]:
        return {r.id: r for r in self.requests}

    def common_slots(self, request: Request) -> list[Id]:
        """The slots, in order, in which both firms of a request are available."""
        buyer, seller = self.firm[request.buyer], self.firm[request.seller]
        return [s.id for s in self.slots if s.id in buyer.available and s.id in seller.available]


@dataclass(frozen=True)
class Assignment:
    request: Id
    slot: Id
    table: Id


@dataclass
class Result:
    assignments: list[Assignment]
    unplaced: dict[Id, Reason]  # request id: why it could not be placed
    status: str  # "optimal" (proven), "feasible" (time ran out) or "heuristic" (greedy)
    objective: int  # the priorities of the placed meetings, summed
    bound: int | None  # no schedule can do better than this (None: unknown)
    idle: int  # buyers' idle slots: free slots between their first and last meeting of a day
    seconds: float

    @property
    def gap(self) -> float | None:
        """How far the objective may be from the optimum, as a fraction of the bound."""
        if self.bound is None:
            return None
        return (self.bound - self.objective) / self.bound if self.bound else 0.0


def idle_slots(problem: Problem, assignments) -> int:
    """Buyers' idle slots: available slots with no meeting between their first and last of a day.

    A slot the buyer said they are away is not idle.
    """
    slot = {s.id: s for s in problem.slots}
    busy = {}  # (buyer, day): set of positions
    for a in assignments:
        buyer = problem.request[a.request].buyer
        busy.setdefault((buyer, slot[a.slot].day), set()).add(slot[a.slot].position)
    idle = 0
    for (buyer, day), positions in busy.items():
        available = problem.firm[buyer].available
        idle += sum(
            1
            for s in problem.slots
            if s.day == day
            and min(positions) < s.position < max(positions)
            and s.position not in positions
            and s.id in available
        )
    return idle
