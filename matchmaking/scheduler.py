"""The schedule, solved with Google OR-Tools' CP-SAT.

Built to scale: one boolean per (request, slot) in which both firms are
available, never per (request, slot, table): tables are interchangeable, so
a slot only needs no more meetings than it has free tables, and which table
each meeting gets is settled afterwards (a buyer keeps the table they had,
sellers move). Pinned meetings are not decided at all: they take their
firms' slots, a place in their maxima and their table before the model is
built.

Two phases, because the first objective is what matters and proves faster
alone: (1) the most meetings, weighted by priority, from the greedy
baseline's schedule as a start; (2) with those meetings held, the fewest
idle slots for buyers, from (1)'s schedule made compact as a start. Any
request the schedule still has room for (a time-limited search, or a model
restricted to some slots, can leave one) is placed first-fit before phase 2
and after.
"""

import math
import random
import time
from collections import Counter, defaultdict

from ortools.sat.python import cp_model

from .greedy import Board, by_priority, first_fit
from .problem import Problem, Result, Side

# Of the time limit, what phase 1 may use; phase 2 has the rest and whatever
# phase 1 leaves by proving its optimum early.
PHASE_ONE_SHARE = 0.6
# Past this many (request, slot) booleans the model takes too long to build and
# presolve, and too much memory (a national meet has 400,000: 1.7 GB; at
# 50,000, 740 MB to 1,030 MB run to run, as the search goes on): each request
# then keeps a random few of its slots, and the bound comes from a relaxation
# (_Model.relaxed_bound).
MAX_VARIABLES = 30_000
# Of the time limit, what the relaxation's bound may use when it is needed.
RELAXATION_SHARE = 0.1


def _restrict(open_slots, keep):
    """At most MAX_VARIABLES (request, slot) pairs: the same number of slots for each request,
    chosen at random (always the same), `keep`'s among them."""
    if sum(map(len, open_slots.values())) <= MAX_VARIABLES:
        return open_slots
    per_request = max(2, MAX_VARIABLES // len(open_slots))
    rng = random.Random(0)
    restricted = {}
    for request_id, slots in open_slots.items():
        chosen = set(rng.sample(slots, min(per_request, len(slots))))
        if request_id in keep:
            chosen.add(keep[request_id])
        restricted[request_id] = [s for s in slots if s in chosen]
    return restricted


class _Model:
    def __init__(self, problem: Problem, keep, held=None):
        """`keep`: {request id: slot id}, a schedule whose slots stay among the candidates;
        `held`: the requests that must all be placed, and the only ones in the model."""
        self.problem = problem
        self.cp = cp_model.CpModel()
        taken, used = set(), Counter()  # by pinned meetings: (firm, slot); firm: meetings
        pinned_tables = defaultdict(set)
        for request_id, (slot, table) in problem.pinned.items():
            request = problem.request[request_id]
            taken.update({(request.buyer, slot), (request.seller, slot)})
            used.update([request.buyer, request.seller])
            pinned_tables[slot].add(table)
        self.taken = taken
        self.pinned_weight = sum(problem.request[r].priority for r in problem.pinned)
        free_tables = {t.id for t in problem.tables if not t.reserved}
        self.capacity = {s.id: len(free_tables - pinned_tables[s.id]) for s in problem.slots}
        self.room = {f.id: f.max_meetings - used[f.id] for f in problem.firms}

        self.open = {}  # request id: the slots it may take
        for request in problem.requests:
            if request.id not in problem.pinned:
                self.open[request.id] = [
                    s
                    for s in problem.common_slots(request)
                    if (request.buyer, s) not in taken and (request.seller, s) not in taken
                ]
        if held is not None:
            self.open = {r: self.open[r] for r in held}
        self.restricted = _restrict(self.open, keep)

        self.x = {}  # (request id, slot id): placed then
        # Whether a request is placed, whichever slot: the objective and the
        # maxima on these few rather than on every (request, slot) give the
        # solver's LP a far better bound from the start.
        self.y = {}
        self.by_firm_slot, by_firm, by_slot = (
            defaultdict(list),
            defaultdict(list),
            defaultdict(list),
        )
        for request_id, slots in self.restricted.items():
            if not slots:
                continue
            request = problem.request[request_id]
            y = self.y[request_id] = self.cp.new_bool_var("")
            by_firm[request.buyer].append(y)
            by_firm[request.seller].append(y)
            placements = []
            for slot in slots:
                x = self.x[request_id, slot] = self.cp.new_bool_var("")
                placements.append(x)
                by_slot[slot].append(x)
                self.by_firm_slot[request.buyer, slot].append(x)
                self.by_firm_slot[request.seller, slot].append(x)
            self.cp.add(cp_model.LinearExpr.sum(placements) == y)
            if held is not None:
                self.cp.add(y == 1)

        for group in self.by_firm_slot.values():
            if len(group) > 1:
                self.cp.add_at_most_one(group)
        for firm, group in by_firm.items():
            if len(group) > self.room[firm]:
                self.cp.add(cp_model.LinearExpr.sum(group) <= self.room[firm])
        for slot, group in by_slot.items():
            if len(group) > self.capacity[slot]:
                self.cp.add(cp_model.LinearExpr.sum(group) <= self.capacity[slot])

        self.placed = cp_model.LinearExpr.weighted_sum(
            list(self.y.values()), [problem.request[r].priority for r in self.y]
        )

    def relaxed_bound(self, seconds, workers):
        """A bound on the unrestricted problem, from a relaxation that forgets which slot.

        Each request placed or not; each firm within its maximum and its free
        slots; all meetings within all the free tables of all the slots.
        """
        problem, cp = self.problem, cp_model.CpModel()
        y = {r: cp.new_bool_var("") for r, slots in self.open.items() if slots}
        slots_of, of_firm = defaultdict(set), defaultdict(list)
        for request_id, var in y.items():
            request = problem.request[request_id]
            for firm in (request.buyer, request.seller):
                slots_of[firm].update(self.open[request_id])
                of_firm[firm].append(var)
        for firm, group in of_firm.items():
            cp.add(cp_model.LinearExpr.sum(group) <= min(self.room[firm], len(slots_of[firm])))
        cp.add(cp_model.LinearExpr.sum(list(y.values())) <= sum(self.capacity.values()))
        cp.maximize(
            cp_model.LinearExpr.weighted_sum(
                list(y.values()), [problem.request[r].priority for r in y]
            )
        )
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = workers
        solver.solve(cp)
        return solver.best_objective_bound

    def idle(self, chosen):
        """Buyers' idle slots (problem.idle_slots) as an expression, hinted from `chosen`.

        Per buyer and day, over the slots they are available, numbered 0..:
        the first and last numbers with a meeting, and idle = last - first + 1
        - meetings. Three integers a buyer-day: marking each slot started,
        ending and idle instead (three booleans a slot) took the national
        meet's peak memory from about 750 MB to 980.
        """
        problem, cp, terms = self.problem, self.cp, []
        busy_in = self.taken | {(problem.request[r].buyer, s) for r, s in chosen.items()}
        days = defaultdict(list)
        for slot in problem.slots:
            days[slot.day].append(slot.id)
        for buyer in (f for f in problem.firms if f.side == Side.BUYER):
            for day in days.values():
                slots = [s for s in day if s in buyer.available]
                hinted = [(buyer.id, s) in busy_in for s in slots]
                busy = [self._busy(buyer.id, s, h) for s, h in zip(slots, hinted, strict=True)]
                if len(slots) < 3 or all(isinstance(m, int) and m == 0 for m in busy):
                    continue
                n = len(slots)
                first, last = cp.new_int_var(0, n - 1, ""), cp.new_int_var(0, n - 1, "")
                idle = cp.new_int_var(0, n, "")
                for i, meeting in enumerate(busy):
                    if isinstance(meeting, int):  # pinned (1) or impossible (0)
                        if meeting:
                            cp.add(first <= i)
                            cp.add(last >= i)
                    else:
                        cp.add(first <= i).only_enforce_if(meeting)
                        cp.add(last >= i).only_enforce_if(meeting)
                cp.add(idle >= last - first + 1 - cp_model.LinearExpr.sum(busy))
                held = [i for i, h in enumerate(hinted) if h]
                cp.add_hint(first, min(held, default=n - 1))
                cp.add_hint(last, max(held, default=0))
                cp.add_hint(idle, max(held) - min(held) + 1 - len(held) if held else 0)
                terms.append(idle)
        return cp_model.LinearExpr.sum(terms)

    def _busy(self, firm, slot, hint):
        """Whether `firm` has a meeting in `slot`: 1 if pinned there, 0 if it cannot, else a
        boolean (what `only_enforce_if` takes)."""
        if (firm, slot) in self.taken:
            return 1
        meetings = self.by_firm_slot.get((firm, slot), [])
        if not meetings:
            return 0
        if len(meetings) == 1:
            return meetings[0]
        busy = self.cp.new_bool_var("")
        self.cp.add(cp_model.LinearExpr.sum(meetings) == busy)
        self.cp.add_hint(busy, hint)
        return busy

    def hint(self, chosen):
        """Start the search from a schedule: {request id: slot id}."""
        self.cp.clear_hints()
        for (request, slot), var in self.x.items():
            self.cp.add_hint(var, chosen.get(request) == slot)
        for request, var in self.y.items():
            self.cp.add_hint(var, request in chosen)

    def run(self, seconds, workers, progress, phase):
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.1)
        solver.parameters.num_workers = workers
        # Presolve finds little to simplify in these models yet took most of
        # the time (4 of 8 s on Pune's, all 30 s on a national one): off.
        solver.parameters.cp_model_presolve = False
        callback = _Progress(progress, phase, self.pinned_weight) if progress else None
        status = solver.solve(self.cp, callback)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, solver, None
        chosen = {r: s for (r, s), var in self.x.items() if solver.boolean_value(var)}
        return status, solver, chosen


class _Progress(cp_model.CpSolverSolutionCallback):
    """Hands each better schedule's figures to `progress` (a background job's, say)."""

    def __init__(self, progress, phase, offset):
        super().__init__()
        self.progress, self.phase = progress, phase
        self.offset = offset if phase == "meetings" else 0  # pinned meetings count too

    def on_solution_callback(self):
        self.progress(
            {
                "phase": self.phase,
                "objective": self.objective_value + self.offset,
                "bound": self.best_objective_bound + self.offset,
                "seconds": self.wall_time,
            }
        )


def solve(problem: Problem, time_limit=10.0, workers=2, progress=None) -> Result:
    """Schedule the requests of `problem`; `progress(dict)` hears of each better schedule."""
    started = time.monotonic()
    baseline = first_fit(problem)
    chosen = {a.request: a.slot for a in baseline.assignments if a.request not in problem.pinned}
    model = _Model(problem, keep=chosen)
    if model.restricted is model.open:
        relaxed = math.inf
    else:
        relaxed = model.relaxed_bound(time_limit * RELAXATION_SHARE, workers)
    model.hint(chosen)
    model.cp.maximize(model.placed)
    remaining = time_limit - (time.monotonic() - started)
    status, solver, found = model.run(remaining * PHASE_ONE_SHARE, workers, progress, "meetings")
    # A restricted model's optimum is not the problem's: only the relaxation bounds that.
    unrestricted = model.restricted is model.open
    optimal = status == cp_model.OPTIMAL and unrestricted
    bound = min(solver.best_objective_bound if unrestricted else math.inf, relaxed)
    bound = math.floor(bound + 1e-6) + model.pinned_weight if math.isfinite(bound) else None
    if found is not None:
        # Phase 2: the same meetings, spending the rest of the time on buyers' idle
        # slots. A model of its own, of these meetings only: smaller, and
        # phase 1's is let go (a national meet's peak memory).
        filled = _board(problem, found).assignments  # and any request there is room for
        chosen = {a.request: a.slot for a in filled if a.request not in problem.pinned}
        chosen = _left_shift(problem, chosen, model.open)
        model = _Model(problem, keep=chosen, held=chosen)
        model.hint(chosen)
        model.cp.minimize(model.idle(chosen))
        remaining = time_limit - (time.monotonic() - started)
        _, _, better = model.run(remaining, workers, progress, "idle")
        chosen = better or chosen
    return _board(problem, chosen).result("optimal" if optimal else "feasible", bound, started)


def _left_shift(problem, chosen, slots):
    """The same meetings, each moved to the earliest of its `slots` where it fits, taken in
    the order of their slots: a compact schedule (phase 1's are full of holes) that phase 2
    starts from. None is lost: when its turn comes, a meeting's own slot is still free for it.
    """
    board = Board(problem)
    board.place_pinned()
    order = {s.id: i for i, s in enumerate(problem.slots)}
    for request_id in sorted(chosen, key=lambda r: order[chosen[r]]):
        board.first_fit(problem.request[request_id], slots[request_id])
    return {a.request: a.slot for a in board.assignments if a.request not in problem.pinned}


def _board(problem, chosen):
    """The chosen slots with their tables, then any request there is still room for."""
    board = Board(problem)
    board.place_pinned()
    in_slot = defaultdict(list)
    for request_id, slot in chosen.items():
        in_slot[slot].append(problem.request[request_id])
    home = {}  # buyer: the table they sat at last
    for slot in problem.slots:
        meetings = in_slot[slot.id]
        # Those whose buyer's table is free go first, so that no one else takes it.
        free = set(board.free_tables[slot.id])
        meetings.sort(key=lambda r: home.get(r.buyer) not in free)
        for request in meetings:
            table = board.place_at_free_table(request, slot.id, home.get(request.buyer))
            home[request.buyer] = table
    for request in by_priority(r for r in problem.requests if r.id not in board.placed):
        board.first_fit(request)
    return board
