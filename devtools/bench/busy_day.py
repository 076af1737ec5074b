"""The busy day: visitors browsing while an official saves an event every 2 seconds.

A mixed public load (home, lists with filters, event and organisation pages,
in the four languages) under wrk against gunicorn with the page cache on
(Redis, as in production), first with nobody editing, then while an official
saves a published event every EDIT_SECONDS, beside the bare view on the same
server in the same run. The official's save is a model save in a
transaction, as the admin's, with its receivers (the statistics' rewrite,
the page cache's tags); after each, the saved event's own page must show
the change on the next request, and the event list within LIST_SECONDS.
"""

import json
import re
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from html import escape

from django.conf import settings
from django.db import close_old_connections, transaction
from django.test import override_settings

from devtools.bench.pages import address, public_pages
from events.models import Event
from orgs.models import Organisation
from portal.languages import LANGUAGE_CODES

EDIT_SECONDS = 2
LIST_SECONDS = 5
P95_MS = 100
BUSY_SHARE = 0.50  # of the bare view's throughput, while editing
STEADY_SHARE = 0.70  # with nobody editing
RECORD_PAGES = 24  # events, and as many organisations, per language
LUA = settings.BASE_DIR / "scripts" / "loadtest.lua"


@dataclass
class Phase:
    name: str
    requests: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    errors: int = 0
    share: float | None = None  # of the bare view's throughput
    budget_share: float | None = None

    def broken(self):
        out = {}
        if self.errors:
            out["errors"] = "0 errors"
        if self.budget_share is not None:
            if self.share < self.budget_share:
                out["share"] = f"≥ {self.budget_share:.0%} of the bare view's throughput"
            if self.p95_ms >= P95_MS:
                out["p95"] = f"p95 < {P95_MS} ms"
        return out


@dataclass
class BusyDay:
    addresses: int = 0
    phases: list = field(default_factory=list)
    saves: int = 0
    own_page_late: int = 0  # saves whose own page did not show the change at once
    list_delays: list = field(default_factory=list)  # seconds until the list showed it

    def failures(self):
        lines = [f"busy day, {p.name}: {b}" for p in self.phases for b in p.broken().values()]
        if not self.saves:
            lines.append("busy day: no event was saved")
        if self.own_page_late:
            lines.append(
                f"busy day: the saved event's page was old after {self.own_page_late} saves"
            )
        if not self.list_delays or max(self.list_delays) > LIST_SECONDS:
            lines.append(f"busy day: the event list showed a save later than {LIST_SECONDS} s")
        return lines


def mix():
    """The addresses visitors ask for: each public page of the bench's, and
    event and organisation pages, in every language."""
    events = list(
        Event.objects.published()
        .order_by("-start_date")
        .values_list("slug", flat=True)[:RECORD_PAGES]
    )
    organisations = list(
        Organisation.objects.filter(verified=True)
        .order_by("pk")
        .values_list("slug", flat=True)[:RECORD_PAGES]
    )
    paths = []
    for lang in LANGUAGE_CODES:
        paths += [_in_language(url, lang) for _name, url in public_pages()]
        paths += [address("events:detail", lang=lang, slug=slug) for slug in events]
        paths += [address("orgs:detail", lang=lang, slug=slug) for slug in organisations]
    return sorted(set(paths))


def _in_language(url, lang):
    # The bench's pages are in English but the Marathi search; the API and
    # feeds take no prefix.
    for prefix in ("/en/", "/mr/"):
        if url.startswith(prefix):
            return f"/{lang}/{url.removeprefix(prefix)}"
    return url


def load(base, paths_file, seconds, connections):
    """Start wrk on the mix; `result(process)` reads what it printed."""
    return subprocess.Popen(
        [
            "wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
            "-s", str(LUA), base, "--", paths_file,
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def result(process, name, seconds):
    out, err = process.communicate(timeout=seconds + 60)
    if process.returncode:
        raise RuntimeError(f"wrk failed: {err}")
    (line,) = [line for line in out.splitlines() if line.startswith("RESULT ")]
    data = json.loads(line.removeprefix("RESULT "))
    return Phase(
        name=name,
        requests=data["requests"],
        rps=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        errors=data["socket_errors"] + data["status_errors"],
    )


def page_text(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


class Official(threading.Thread):
    """Saves the first event of the English event list every EDIT_SECONDS, a
    numbered title each time; checks its own page after each save, while a
    watcher polls the list for the newest number shown."""

    def __init__(self, base, day, cache):
        super().__init__(daemon=True)
        self.base, self.day, self.cache = base, day, cache
        self.stop = threading.Event()
        self.saved_at = {}  # save number -> when, until the list shows it or a later one

    def run(self):
        # The tags bumped here must be those the server reads: the same cache.
        with override_settings(CACHES=self.cache, PUBLIC_PAGE_CACHE_SECONDS=600):
            try:
                self.edit()
            finally:
                close_old_connections()

    def edit(self):
        listed = self.base + address("events:list")
        slugs = re.findall(r'href="/en/events/([\w-]+)/"', page_text(listed))
        event = Event.objects.get(slug=next(slug for slug in slugs if slug != "feed"))
        title = event.title_en
        own = self.base + address("events:detail", slug=event.slug)
        watcher = threading.Thread(target=self.watch, args=(listed, title), daemon=True)
        watcher.start()
        started = time.monotonic()
        try:
            # On a steady beat, however long a save and its check take.
            while not self.stop.wait(
                started + (self.day.saves + 1) * EDIT_SECONDS - time.monotonic()
            ):
                number = self.day.saves + 1
                marker = f"{title} [{number}]"
                with transaction.atomic():
                    event.title_en = marker
                    event.save()
                self.saved_at[number] = time.monotonic()
                self.day.saves = number
                if escape(marker) not in page_text(own):
                    self.day.own_page_late += 1
        finally:
            watcher.join(timeout=3 * LIST_SECONDS)
            event.title_en = title
            event.save()

    def watch(self, url, title):
        """Poll the list every 0.2 s; each save is shown once its number or a later one is."""
        pattern = re.compile(re.escape(escape(title)) + r" \[(\d+)\]")
        while self.saved_at or not self.stop.is_set():
            shown = [int(n) for n in pattern.findall(page_text(url))]
            now = time.monotonic()
            for number in [n for n in list(self.saved_at) if shown and n <= max(shown)]:
                self.day.list_delays.append(now - self.saved_at.pop(number))
            if self.stop.is_set() and any(
                now - t > 3 * LIST_SECONDS for t in self.saved_at.values()
            ):
                # Never shown: counted as late as the wait.
                self.day.list_delays += [now - t for t in self.saved_at.values()]
                self.saved_at.clear()
            time.sleep(0.2)


def measure(base, paths_file, *, seconds, connections, hello_rps, cache):
    """The mixed load without edits, then with the official saving; each a Phase."""
    day = BusyDay()
    steady = result(load(base, paths_file, seconds, connections), "nobody editing", seconds)
    official = Official(base, day, cache)
    busy_load = load(base, paths_file, seconds, connections)
    official.start()
    busy = result(busy_load, f"an event saved every {EDIT_SECONDS} s", seconds)
    official.stop.set()
    official.join(timeout=3 * LIST_SECONDS + 10)
    for phase, share in ((steady, STEADY_SHARE), (busy, BUSY_SHARE)):
        phase.share = phase.rps / hello_rps
        phase.budget_share = share
    day.phases = [steady, busy]
    return day


def table(day, hello_rps):
    """The busy day's rows, Markdown."""
    out = [
        f"Busy day: {day.addresses} addresses, wrk, page cache on (Redis).",
        "",
        "| load | requests | req/s (× bare view) | p50 ms | p95 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
        f"| bare view | – | {hello_rps:,.0f} (100%) | – | – | – |",
    ]
    for phase in day.phases:
        broken = phase.broken()
        share = f"{phase.share:.0%}"
        p95 = f"{phase.p95_ms:.1f}"
        errors = str(phase.errors)
        out.append(
            f"| {phase.name} | {phase.requests:,} | {phase.rps:,.0f} "
            f"({_mark(share, 'share' in broken)}) | {phase.p50_ms:.1f} | "
            f"{_mark(p95, 'p95' in broken)} | {_mark(errors, 'errors' in broken)} |"
        )
    delays = day.list_delays or [float("nan")]
    out += [
        "",
        f"{day.saves} saves: the saved event's own page showed the change on the next "
        f"request after {day.saves - day.own_page_late} of them; the event list within "
        f"{max(delays):.1f} s at most (median {sorted(delays)[len(delays) // 2]:.1f} s; "
        f"budget {LIST_SECONDS} s).",
    ]
    return out


def _mark(text, broken):
    return f"**{text}** ✗" if broken else text
