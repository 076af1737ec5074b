"""Solve the matchmaking benchmark's meets with CP-SAT and the greedy baseline, against budgets.

Each meet (matchmaking/generate.py, seeded) is solved in a fresh process, so
that the peak memory measured (the process's peak RSS) is that meet's alone.
Both schedules are checked by the validator. Prints a Markdown table; exits
non-zero if a schedule is invalid or a budget is broken.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from matchmaking.generate import NATIONAL, PUNE, Size, generate
from matchmaking.greedy import first_fit
from matchmaking.scheduler import solve
from matchmaking.validator import validate


@dataclass(frozen=True)
class Meet:
    size: Size
    seconds: float  # the budget: the whole solve, model building included
    gap: float  # the budget: how far from the solver's bound, at most
    memory_mb: float | None  # the budget: the process's peak RSS
    time_limit: float  # what the solver is given, leaving room for building the model


MEETS = {
    "pune": Meet(PUNE, seconds=10, gap=0.01, memory_mb=None, time_limit=8),
    "national": Meet(NATIONAL, seconds=60, gap=0.03, memory_mb=1024, time_limit=50),
}


def measure(name, time_limit, seed, workers):
    """One meet, solved both ways, in this process: the figures as a dict."""
    problem = generate(MEETS[name].size, seed)
    cp = solve(problem, time_limit=time_limit, workers=workers)
    greedy = first_fit(problem)
    return {
        "meet": name,
        "requests": len(problem.requests),
        "placed": [len(cp.assignments), len(greedy.assignments)],
        "objective": [cp.objective, greedy.objective],
        "bound": cp.bound,
        "gap": [cp.gap, (cp.bound - greedy.objective) / cp.bound if cp.bound else None],
        "status": cp.status,
        "idle": [cp.idle, greedy.idle],
        "seconds": [cp.seconds, greedy.seconds],
        "violations": [len(validate(problem, s.assignments)) for s in (cp, greedy)],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def machine():
    ram_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {os.cpu_count()} CPUs ({platform.machine()}), "
        f"{ram_gb:.0f} GB RAM, load average {load} at the start; Python "
        f"{platform.python_version()}, OR-Tools {version('ortools')}"
    )


def broken(row, meet):
    """The budgets `row` breaks, in words."""
    failures = []
    if any(row["violations"]):
        failures.append(f"invalid schedule(s): {row['violations']} violations (CP-SAT, greedy)")
    if row["seconds"][0] >= meet.seconds:
        failures.append(f"{row['seconds'][0]:.1f} s, budget {meet.seconds} s")
    if row["gap"][0] is None or row["gap"][0] > meet.gap:
        failures.append(f"gap {row['gap'][0]}, budget {meet.gap:.0%}")
    if meet.memory_mb and row["peak_mb"] >= meet.memory_mb:
        failures.append(f"peak {row['peak_mb']:.0f} MB, budget {meet.memory_mb} MB")
    return [f"{row['meet']}: {f}" for f in failures]


def percent(x):
    return "–" if x is None else f"{100 * x:.2f}"


def markdown(rows):
    lines = [
        "| meet | requests | placed (CP-SAT / greedy) | objective (CP-SAT / greedy) | bound "
        "| gap % (CP-SAT / greedy) | status | buyers' idle slots (CP-SAT / greedy) "
        "| seconds (CP-SAT / greedy) | peak MB |",
        "|---|--:|--:|--:|--:|--:|---|--:|--:|--:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['meet']} | {r['requests']:,} | {r['placed'][0]:,} / {r['placed'][1]:,} "
            f"| {r['objective'][0]:,} / {r['objective'][1]:,} | {r['bound']:,} "
            f"| {percent(r['gap'][0])} / {percent(r['gap'][1])} | {r['status']} "
            f"| {r['idle'][0]:,} / {r['idle'][1]:,} "
            f"| {r['seconds'][0]:.1f} / {r['seconds'][1]:.2f} | {r['peak_mb']:.0f} |"
        )
    return "\n".join(lines)


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--only", choices=sorted(MEETS), help="one meet, not both")
        parser.add_argument(
            "--time-limit", type=float, help="the solver's seconds (default: each meet's own)"
        )
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--workers", type=int, default=2, help="CP-SAT's threads")
        # What the parent asks of each fresh process: one meet's figures as JSON.
        parser.add_argument("--one", choices=sorted(MEETS), help=argparse.SUPPRESS)

    def handle(self, *args, only, time_limit, seed, workers, one, **options):
        if one:
            limit = time_limit or MEETS[one].time_limit
            self.stdout.write(json.dumps(measure(one, limit, seed, workers)))
            return
        self.stdout.write(machine())
        rows, failures = [], []
        for name in [only] if only else list(MEETS):
            self.stdout.write(f"Solving the {name} meet in a fresh process…")
            self.stdout.flush()
            rows.append(self.in_fresh_process(name, time_limit, seed, workers))
            failures += broken(rows[-1], MEETS[name])
        self.stdout.write("\n" + markdown(rows) + "\n")
        if failures:
            raise CommandError("Budget(s) broken: " + "; ".join(failures))

    def in_fresh_process(self, name, time_limit, seed, workers):
        command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "bench_matchmaking"]
        command += ["--one", name, "--seed", str(seed), "--workers", str(workers)]
        if time_limit:
            command += ["--time-limit", str(time_limit)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)
