"""The budgets, and the Markdown table that marks each one broken."""

from dataclasses import dataclass, field
from urllib.parse import unquote

MAX_QUERIES = 12  # every public page
PUBLIC_P95_MS = 100  # uncached public pages
ADMIN_P95_MS = 300
# Uncached throughput as a share of the bare view's: issue 6 ended blocked on
# it (a page rendered without the cache costs 10-60 ms of CPU, the bare view
# well under 1 ms). It is measured and marked, not counted as broken.
UNCACHED_SHARE = 0.15
CACHED_SHARE = 0.50
EXPORT_TIMES_COPY = 3
EXPORT_PEAK_MB = 150

BROKEN = "✗"
BLOCKED = "(blocked)"


@dataclass
class Page:
    name: str
    url: str
    group: str  # "public", "admin" or "hello"
    cached: bool = False
    status: int | None = None  # of the in-process request
    queries: int | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    rps: float | None = None  # wrk
    wrk_p50_ms: float | None = None
    wrk_p99_ms: float | None = None
    wrk_failures: int = 0  # non-2xx/3xx answers and socket errors
    hello_rps: float | None = None  # the bare view's, on the same server

    @property
    def share(self):
        if self.rps is None or not self.hello_rps:
            return None
        return self.rps / self.hello_rps

    def broken(self):
        """{column: the budget it breaks}."""
        out = {}
        if self.status not in (None, 200) or self.wrk_failures:
            out["status"] = "every request answered 200"
        if self.group == "public":
            if self.queries is not None and self.queries > MAX_QUERIES:
                out["queries"] = f"≤ {MAX_QUERIES} queries"
            if self.cached and self.share is not None and self.share < CACHED_SHARE:
                out["share"] = f"≥ {CACHED_SHARE:.0%} of hello's throughput"
            if not self.cached and self.p95_ms is not None and self.p95_ms >= PUBLIC_P95_MS:
                out["p95"] = f"p95 < {PUBLIC_P95_MS} ms"
        if self.group == "admin" and self.p95_ms is not None and self.p95_ms >= ADMIN_P95_MS:
            out["p95"] = f"p95 < {ADMIN_P95_MS} ms"
        return out

    def blocked(self):
        """Whether the page misses the uncached share, the budget issue 6 ended blocked on."""
        uncached = self.group == "public" and not self.cached
        return uncached and self.share is not None and self.share < UNCACHED_SHARE


@dataclass
class Export:
    rows: int
    copy_seconds: float
    csv_seconds: float
    copy_megabytes: float
    megabytes: float
    peak_mb: float

    @property
    def ratio(self):
        return self.csv_seconds / self.copy_seconds

    def broken(self):
        out = {}
        if self.ratio > EXPORT_TIMES_COPY:
            out["ratio"] = f"≤ {EXPORT_TIMES_COPY}× COPY's time"
        if self.peak_mb >= EXPORT_PEAK_MB:
            out["peak"] = f"peak memory < {EXPORT_PEAK_MB} MB"
        return out


@dataclass
class Report:
    machine: str
    setup: list = field(default_factory=list)  # lines said before the tables
    generation: str = ""
    pages: list = field(default_factory=list)
    export: Export | None = None
    busy_day: list = field(default_factory=list)  # its table's lines (devtools.bench.busy_day)
    busy_day_failures: list = field(default_factory=list)

    def failures(self):
        """One line per broken budget."""
        lines = []
        for page in self.pages:
            label = f"{page.name}{' (cached)' if page.cached else ''}"
            lines += [f"{label}: {budget}" for budget in page.broken().values()]
        if self.export:
            lines += [f"CSV export: {budget}" for budget in self.export.broken().values()]
        return lines + self.busy_day_failures

    def markdown(self):
        out = [f"## Benchmark, {self.machine}", "", *self.setup, "", f"Dataset: {self.generation}"]
        out += ["", *pages_table(self.pages)]
        if self.busy_day:
            out += ["", *self.busy_day]
        if self.export:
            out += ["", *export_table(self.export)]
        failures = self.failures()
        out.append("")
        if failures:
            out.append(f"**Budgets broken ({len(failures)})**, marked {BROKEN}:")
            out += ["", *(f"- {line}" for line in failures)]
        else:
            out.append("Every budget held.")
        blocked = [page.name for page in self.pages if page.blocked()]
        if blocked:
            out += [
                "",
                f"Uncached throughput under {UNCACHED_SHARE:.0%} of hello's, marked {BLOCKED} "
                f"(issue 6 ended blocked on that budget; not counted as broken): "
                f"{', '.join(blocked)}.",
            ]
        return "\n".join(out) + "\n"


def number(value, digits=0, broken=False):
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    return f"**{text}** {BROKEN}" if broken else text


def percent(share, broken=False, blocked=False):
    if share is None:
        return "–"
    if broken:
        return f"**{share:.0%}** {BROKEN}"
    return f"{share:.0%} {BLOCKED}" if blocked else f"{share:.0%}"


def pages_table(pages):
    rows = [
        "| page | address | cache | queries | p50 ms | p95 ms "
        "| req/s (wrk) | × hello | wrk p50 / p99 ms |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page in pages:
        broken = page.broken()
        status = f" {BROKEN} status {page.status}" if page.status not in (None, 200) else ""
        if page.wrk_failures:
            status += f" {BROKEN} {page.wrk_failures:,} failed under wrk"
        latency = (
            f"{page.wrk_p50_ms:,.0f} / {page.wrk_p99_ms:,.0f}"
            if page.wrk_p50_ms is not None and page.wrk_p99_ms is not None
            else "–"
        )
        rows.append(
            f"| {page.name}{status} | `{unquote(page.url)}` | {'on' if page.cached else 'off'} "
            f"| {number(page.queries, broken='queries' in broken)} "
            f"| {number(page.p50_ms, 1)} | {number(page.p95_ms, 1, 'p95' in broken)} "
            f"| {number(page.rps)} "
            f"| {percent(page.share, 'share' in broken, page.blocked())} | {latency} |"
        )
    return rows


def export_table(export):
    broken = export.broken()
    return [
        f"{export.rows:,} B2B meetings, CSV (headers in Hindi):",
        "",
        "| export | seconds | × COPY | MB written | peak memory MB |",
        "|---|---:|---:|---:|---:|",
        f"| PostgreSQL `COPY (SELECT …) TO STDOUT` | {export.copy_seconds:.2f} | 1.00 "
        f"| {export.copy_megabytes:,.1f} | – |",
        f"| portal CSV export | {export.csv_seconds:.2f} "
        f"| {number(export.ratio, 2, 'ratio' in broken)} | {export.megabytes:,.1f} "
        f"| {number(export.peak_mb, 0, 'peak' in broken)} |",
    ]
