"""The validator refuses each kind of broken schedule, and passes the greedy baseline's."""

import pytest

from matchmaking.generate import Size, generate
from matchmaking.greedy import first_fit
from matchmaking.problem import Assignment
from matchmaking.scheduler import solve
from matchmaking.validator import KINDS, validate

from .helpers import problem

A = Assignment
FIRMS = {"b1": (1, None), "b2": (9, {0, 1}), "s1": (9, None), "s2": (9, None)}
REQUESTS = [(1, "b1", "s1"), (2, "b1", "s2"), (3, "b2", "s1"), (4, "b2", "s2")]
VALID = [A(1, 0, 1), A(4, 0, 2), A(3, 1, 1)]

BROKEN = {
    "unknown request": [*VALID, A(99, 2, 1)],
    "unknown slot": [A(1, 7, 1)],
    "unknown table": [A(1, 0, 7)],
    "request placed twice": [A(3, 0, 1), A(3, 1, 1)],
    "firm twice in a slot": [A(1, 0, 1), A(3, 0, 2)],
    "table twice in a slot": [A(1, 0, 1), A(4, 0, 1)],
    "reserved table": [A(1, 0, 0)],
    "firm unavailable": [A(4, 2, 1)],
    "over maximum": [A(1, 0, 1), A(2, 1, 1)],
    "pinned meeting moved": [A(3, 1, 2)],
}


def the_problem():
    return problem(slots=3, tables=3, reserved={0}, firms=FIRMS, requests=REQUESTS)


def test_a_valid_schedule_passes():
    assert validate(the_problem(), VALID) == []


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_broken_schedule_is_refused(kind):
    p = the_problem()
    if kind == "pinned meeting moved":
        p.pinned = {3: (1, 1)}
    assert {v.kind for v in validate(p, BROKEN[kind])} == {kind}


MID_SIZE = Size(
    buyers=12, sellers=80, days=2, slots_per_day=8, tables=12, reserved_tables=1, requests=240
)


def test_greedy_schedules_are_valid():
    p = generate(MID_SIZE, seed=1)
    assert validate(p, first_fit(p).assignments) == []


def test_a_generated_instance_solves_and_validates():
    p = generate(MID_SIZE, seed=1)
    result = solve(p, time_limit=2)
    assert validate(p, result.assignments) == []
    assert result.objective >= first_fit(p).objective
    assert result.gap <= 0.01
    assert set(result.unplaced) | {a.request for a in result.assignments} == {
        r.id for r in p.requests
    }


def test_a_model_restricted_to_some_slots_is_valid_and_bounded(monkeypatch):
    p = generate(MID_SIZE, seed=1)
    unrestricted = solve(p, time_limit=2)
    monkeypatch.setattr("matchmaking.scheduler.MAX_VARIABLES", 300)  # 2 slots a request
    result = solve(p, time_limit=2)
    assert validate(p, result.assignments) == []
    assert result.status == "feasible"  # a restricted model proves nothing of the problem
    # The relaxation's bound holds for the whole problem, not just the restricted model.
    assert max(result.objective, unrestricted.objective) <= result.bound
