"""bench_matchmaking's verdict: each budget, and an invalid schedule, fail the run."""

import pytest

from matchmaking.management.commands.bench_matchmaking import MEETS, broken, markdown

WITHIN = {
    "meet": "national",
    "requests": 10_000,
    "placed": [9_300, 8_958],
    "objective": [16_126, 15_869],
    "bound": 16_216,
    "gap": [0.0056, 0.0214],
    "status": "feasible",
    "idle": [4_917, 2_836],
    "seconds": [50.3, 0.28],
    "violations": [0, 0],
    "peak_mb": 586,
}


def test_a_run_within_its_budgets_passes():
    assert broken(WITHIN, MEETS["national"]) == []
    assert "| national | 10,000 | 9,300 / 8,958 |" in markdown([WITHIN])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"violations": [0, 2]}, "invalid schedule"),
        ({"seconds": [61.0, 0.3]}, "budget 60 s"),
        ({"gap": [0.031, 0.05]}, "budget 3%"),
        ({"peak_mb": 1_100}, "budget 1024 MB"),
    ],
)
def test_each_broken_budget_fails_the_run(change, words):
    failures = broken({**WITHIN, **change}, MEETS["national"])
    assert len(failures) == 1 and words in failures[0]
