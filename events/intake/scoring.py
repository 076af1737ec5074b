"""Measuring the reader against hand-made gold annotations (manage.py score_intake).

A gold directory holds reports as NAME.txt beside NAME.json, the proposal a
careful reader would make in the schema of events/intake/schema.json (plus
"published_on" where the report needs its publication date for a year).
Scalars score as exact matches (null where the report says nothing counts
as right only if the reader says nothing too); list fields as precision,
recall and F1 over all reports together, names of organisers and people
matched folded and a little fuzzily.
"""

import datetime
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .directory import SAME_NAME
from .patterns import TOKEN
from .reader import read_report
from .text import fold

SCALARS = ("kind", "start_date", "end_date", "city", "state", "country", "venue")
LISTS = ("figures", "target_countries", "organisers", "people")


def _name(text):
    """A name as compared: its folded words, without punctuation."""
    return " ".join(TOKEN.findall(fold(text or "")))


def _matched(want, got):
    """How many of the gold names the proposed ones match, each at most once."""
    left, matched = set(got), 0
    for name in want:
        best = max(left, key=lambda other: fuzz.ratio(name, other), default=None)
        if best is not None and fuzz.ratio(name, best) >= SAME_NAME:
            left.discard(best)
            matched += 1
    return matched


def items(data, name):
    """The set of comparable items of a list field."""
    if name == "figures":
        return {(k, v["value"], v["qualifier"]) for k, v in (data.get("figures") or {}).items()}
    if name == "target_countries":
        return set(data.get("target_countries") or [])
    if name == "organisers":
        return {_name(o["original"]) for o in data.get("organisers") or []}
    return {_name(p["name_original"]) for p in data.get("people") or []}


def _scalar(data, name):
    value = data.get(name)
    return _name(value) if name == "venue" and value else value


@dataclass
class Score:
    reports: int = 0
    seconds: list = field(default_factory=list)
    right: dict = field(default_factory=lambda: dict.fromkeys(SCALARS, 0))
    counts: dict = field(default_factory=lambda: {n: [0, 0, 0] for n in LISTS})  # tp, fp, fn
    roles: list = field(default_factory=lambda: [0, 0])  # right, compared
    misses: list = field(default_factory=list)

    def add(self, name, gold, proposed, seconds):
        self.reports += 1
        self.seconds.append(seconds)
        for scalar in SCALARS:
            if _scalar(gold, scalar) == _scalar(proposed, scalar):
                self.right[scalar] += 1
            else:
                self.misses.append((name, scalar, gold.get(scalar), proposed.get(scalar)))
        for list_name in LISTS:
            want, got = items(gold, list_name), items(proposed, list_name)
            if list_name in ("organisers", "people"):
                right = _matched(want, got)
            else:
                right = len(want & got)
            counts = self.counts[list_name]
            counts[0] += right
            counts[1] += len(got) - right
            counts[2] += len(want) - right
        roles = {_name(p["name_original"]): p.get("role") for p in proposed.get("people") or []}
        for person in gold.get("people") or []:
            if _name(person["name_original"]) in roles:
                self.roles[1] += 1
                self.roles[0] += roles[_name(person["name_original"])] == person.get("role")

    def rows(self):
        """(field, measure, value...) rows of the table."""
        rows = []
        for name in LISTS:
            tp, fp, fn = self.counts[name]
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            rows.append((name, f"{precision:.2f}", f"{recall:.2f}", f"{f1:.2f}", f"{tp + fn}"))
        for name in SCALARS:
            rate = self.right[name] / self.reports if self.reports else 0.0
            rows.append((name, "", "", f"{rate:.2f} exact", f"{self.reports}"))
        if self.roles[1]:
            rate = self.roles[0] / self.roles[1]
            rows.append(("people's roles", "", "", f"{rate:.2f} exact", f"{self.roles[1]}"))
        return rows

    def table(self):
        header = ("field", "precision", "recall", "F1 / rate", "gold items")
        widths = [max(len(str(r[i])) for r in [header, *self.rows()]) for i in range(5)]
        lines = []
        for row in [header, *self.rows()]:
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            lines.append("| " + " | ".join(cells) + " |")
        lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
        mean = sum(self.seconds) / len(self.seconds) if self.seconds else 0.0
        lines.append("")
        lines.append(
            f"{self.reports} reports; reading time mean {mean:.3f} s, "
            f"longest {max(self.seconds, default=0):.3f} s (gazetteers already loaded)"
        )
        return "\n".join(lines)


def score_directory(directory):
    """Read every report of a gold directory and score the proposals."""
    directory = Path(directory)
    golds = sorted(directory.glob("*.json"))
    score = Score()
    for gold_path in golds:
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = gold.get("published_on")
        published = datetime.date.fromisoformat(published) if published else None
        started = time.perf_counter()
        proposed = read_report(text, published_on=published).as_json()
        score.add(gold_path.stem, gold, proposed, time.perf_counter() - started)
    return score
