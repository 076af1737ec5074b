"""Each rule of the schedule on a problem small enough to know its optimum by hand."""

from django.utils import translation

from matchmaking.reasons import Reason
from matchmaking.scheduler import solve
from matchmaking.validator import validate

from .helpers import problem, slot_of

ANY = (9, None)  # a firm with room for every meeting, available throughout


def solved(p):
    result = solve(p, time_limit=5)
    assert validate(p, result.assignments) == []
    return result


def test_a_firm_is_in_one_meeting_at_a_time():
    firms = {"b": ANY, "s1": ANY, "s2": ANY}
    requests = [(1, "b", "s1"), (2, "b", "s2")]
    one_slot = solved(problem(slots=1, tables=2, firms=firms, requests=requests))
    assert len(one_slot.assignments) == 1
    assert list(one_slot.unplaced.values()) == [Reason.SLOTS_TAKEN]
    two_slots = solved(problem(slots=2, tables=2, firms=firms, requests=requests))
    assert sorted(slot_of(two_slots).values()) == [0, 1]


def test_a_slot_holds_as_many_meetings_as_tables():
    firms = {"b1": ANY, "b2": ANY, "b3": ANY, "s1": ANY, "s2": ANY, "s3": ANY}
    requests = [(1, "b1", "s1"), (2, "b2", "s2"), (3, "b3", "s3")]
    result = solved(problem(slots=1, tables=2, firms=firms, requests=requests))
    assert len(result.assignments) == 2
    assert list(result.unplaced.values()) == [Reason.SLOTS_TAKEN]


def test_reserved_tables_stay_free():
    firms = {"b1": ANY, "b2": ANY, "s1": ANY, "s2": ANY}
    requests = [(1, "b1", "s1"), (2, "b2", "s2")]
    result = solved(problem(slots=1, tables=2, reserved={0}, firms=firms, requests=requests))
    assert [a.table for a in result.assignments] == [1]


def test_availability_is_respected():
    firms = {"b": (9, {0, 1}), "s1": (9, {1, 2}), "s2": (9, {2})}
    result = solved(problem(slots=3, firms=firms, requests=[(1, "b", "s1"), (2, "b", "s2")]))
    assert slot_of(result) == {1: 1}
    assert result.unplaced == {2: Reason.NO_COMMON_SLOT}


def test_a_buyer_at_their_maximum_is_the_reason():
    firms = {"b": (1, None), "s1": ANY, "s2": ANY}
    result = solved(problem(slots=2, firms=firms, requests=[(1, "b", "s1"), (2, "b", "s2")]))
    assert len(result.assignments) == 1
    assert list(result.unplaced.values()) == [Reason.BUYER_AT_MAXIMUM]


def test_a_seller_at_their_maximum_is_the_reason():
    firms = {"b1": ANY, "b2": ANY, "s": (1, None)}
    result = solved(problem(slots=2, firms=firms, requests=[(1, "b1", "s", 1), (2, "b2", "s", 1)]))
    assert len(result.assignments) == 1
    assert list(result.unplaced.values()) == [Reason.SELLER_AT_MAXIMUM]


def test_priority_wins_when_only_one_can_be_placed():
    firms = {"b": (1, None), "s1": ANY, "s2": ANY}
    p = problem(slots=2, firms=firms, requests=[(1, "b", "s1", 1), (2, "b", "s2", 3)])
    result = solved(p)
    assert slot_of(result).keys() == {2}
    assert (result.status, result.objective, result.bound, result.gap) == ("optimal", 3, 3, 0)


def test_a_rerun_keeps_pinned_meetings_and_places_the_others_around_them():
    firms = {"b": ANY, "s1": ANY, "s2": ANY, "s3": ANY}
    requests = [(1, "b", "s1"), (2, "b", "s2"), (3, "b", "s3")]
    first = solved(problem(slots=3, tables=2, firms=firms, requests=requests))
    assert len(first.assignments) == 3
    # The organiser moves request 2 to the last slot, second table, and pins it.
    p = problem(slots=3, tables=2, firms=firms, requests=requests, pinned={2: (2, 1)})
    again = solved(p)
    assert {a.request: (a.slot, a.table) for a in again.assignments}[2] == (2, 1)
    assert sorted(slot_of(again).values()) == [0, 1, 2]
    assert again.objective == 3


def test_buyers_meetings_are_kept_together_when_the_count_is_the_same():
    # s1 can only come first; s2 at any later slot: the one right after leaves no gap.
    firms = {"b": ANY, "s1": (9, {0}), "s2": (9, {1, 2, 3, 4})}
    result = solved(problem(slots=5, firms=firms, requests=[(1, "b", "s1"), (2, "b", "s2")]))
    assert slot_of(result) == {1: 0, 2: 1}
    assert result.idle == 0


def test_a_buyer_keeps_their_table():
    firms = {"b1": ANY, "b2": ANY, "s1": ANY, "s2": ANY, "s3": ANY}
    requests = [(1, "b1", "s1"), (2, "b2", "s2"), (3, "b1", "s3"), (4, "b2", "s1")]
    result = solved(problem(slots=2, tables=3, firms=firms, requests=requests))
    buyer = {request_id: buyer for request_id, buyer, _ in requests}
    tables = {(buyer[a.request], a.table) for a in result.assignments}
    assert len(result.assignments) == 4 and len(tables) == 2


def test_progress_hears_of_each_better_schedule():
    heard = []
    firms = {"b": ANY, "s1": ANY, "s2": ANY}
    p = problem(slots=2, firms=firms, requests=[(1, "b", "s1"), (2, "b", "s2")])
    solve(p, time_limit=5, progress=heard.append)
    assert heard and heard[0].keys() == {"phase", "objective", "bound", "seconds"}


def test_the_reasons_are_translated():
    english = {str(reason.label) for reason in Reason}
    for language in ("hi", "mr", "fa"):
        with translation.override(language):
            assert {str(reason.label) for reason in Reason}.isdisjoint(english)


def test_pinned_meetings_keep_their_table_in_the_count():
    firms = {"b1": ANY, "b2": ANY, "b3": ANY, "s1": ANY, "s2": ANY, "s3": ANY}
    requests = [(1, "b1", "s1"), (2, "b2", "s2"), (3, "b3", "s3")]
    p = problem(slots=1, tables=2, firms=firms, requests=requests, pinned={1: (0, 1)})
    result = solved(p)
    assert sorted((a.request, a.table) for a in result.assignments)[0] == (1, 1)
    assert len(result.assignments) == 2 and {a.table for a in result.assignments} == {0, 1}
