"""`make loadtest`: 50 visitors at once on the public pages, then the same
while PostgreSQL restarts.

The portal runs as in production (DEBUG off, gunicorn, PostgreSQL on this
machine) with the demo data, in a database of its own; wrk drives the load
(scripts/loadtest.lua picks each request from the page mix). Two phases:

1. steady: no error allowed;
2. restart: PostgreSQL is restarted in the middle (pg_ctlcluster). Errors
   are allowed only from the restart until the database accepts
   connections again; none before, and none after: every gunicorn worker
   must find its dead connection out and open a new one
   (CONN_HEALTH_CHECKS).

Prints requests per second, latency percentiles and errors per phase, and
exits 1 if a phase broke its rule. The restart ends every connection to
the cluster, other programs' too: `--no-restart` runs the steady phase only.

Environment: LOADTEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/loadtest,
created if missing), LOADTEST_SECONDS (60 per phase), LOADTEST_VISITORS (50),
LOADTEST_WORKERS (gunicorn worker processes, 4). The rest of the
environment reaches the portal, e.g. PUBLIC_PAGE_CACHE_SECONDS=0 to measure
without the page cache.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg2
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parent.parent
# The project's gunicorn helper, plain Python (devtools/gunicorn.py).
sys.path.insert(0, str(BASE_DIR))
from devtools.gunicorn import serving, status_of  # noqa: E402

BIN = Path(sys.executable).parent
OUTPUT = BASE_DIR / "test-output" / "loadtest"
LUA = BASE_DIR / "scripts" / "loadtest.lua"

DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/loadtest"
)
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
VISITORS = int(os.environ.get("LOADTEST_VISITORS", "50"))
# Two cores shared with PostgreSQL and wrk: four processes keep both busy
# while some of them wait on the database.
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "4"))
# wrk's threads: one per core.
THREADS = 2

# Besides every page of the sitemap: the lists with filters (demo values),
# the feeds and the API, each twice as likely as a single page.
FILTERED = [
    "/{lang}/events/?when=past&region=maharashtra",
    "/{lang}/events/?when=all&scheme=ramp&sort=title",
    "/{lang}/events/?when=all&kind=conference&target_country=UZ",
    "/{lang}/events/?q=" + quote("पुणे") + "&when=all",
    "/{lang}/events/?date_from=2025-01-01&date_to=2026-12-31",
    "/{lang}/events/?when=past&organiser=mssidc&page=1",
    "/{lang}/organisations/?kind=msme",
    "/{lang}/organisations/?region=maharashtra&q=" + quote("महामंडळ"),
    "/{lang}/mous/?status=signed",
    "/{lang}/events/feed/",
    "/{lang}/events/feed/?scheme=ramp",
    "/{lang}/events/calendar.ics",
    "/api/events/?lang={lang}",
    "/api/events/?lang={lang}&when=past&region=maharashtra",
]
LANGUAGES = ["en", "hi", "mr", "fa"]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def server_environment():
    """Production settings (DEBUG off) served over plain http on this machine."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        # No TLS here: production's redirect to https would answer every request.
        "SECURE_SSL_REDIRECT": "0",
    }


def say(text):
    print(text, flush=True)


def connect(dbname=None):
    parts = urlsplit(DATABASE_URL)
    return psycopg2.connect(
        dbname=dbname or parts.path.lstrip("/"),
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port or 5432,
        connect_timeout=2,
    )


def create_database():
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    conn = connect("postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()


def database_answers():
    try:
        connect().close()
    except psycopg2.OperationalError:
        return False
    return True


def cluster_command(action):
    """pg_ctlcluster for the machine's PostgreSQL cluster (the newest, if several)."""
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(n) for n in v.split(".")])
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version[-1], "main", action]


@contextmanager
def gunicorn(env):
    """The portal under gunicorn on a free port; yields its base URL once /healthz answers."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = OUTPUT / "gunicorn.log"
    log.write_text("")
    # More than the backlog wrk's visitors make; a worker is restarted only
    # if a request hangs for this long.
    options = ("--backlog", "2048", "--timeout", "60")
    with serving(env=env, log_path=log, workers=WORKERS, options=options) as base:
        yield base


def page_mix(base):
    """Every public page of the sitemap, and the filtered lists, feeds and API twice over."""
    with urllib.request.urlopen(f"{base}/sitemap.xml", timeout=30) as response:
        sitemap = ET.fromstring(response.read())
    pages = [urlsplit(loc.text).path for loc in sitemap.iter(f"{SITEMAP_NS}loc")]
    filtered = [path.format(lang=lang) for path in FILTERED for lang in LANGUAGES]
    paths = pages + filtered * 2
    # A page that is not there would count as an error in every phase.
    for path in dict.fromkeys(paths):
        status = status_of(base + path, timeout=30)
        if status != 200:
            sys.exit(f"{path} answers {status} before any load: not a page for the mix")
    return paths


def wrk(base, paths_file, seconds):
    return subprocess.Popen(
        [
            "wrk", f"-t{THREADS}", f"-c{VISITORS}", f"-d{seconds}s", "--timeout", "10s",
            "-s", LUA, base, "--", paths_file,
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def result_of(process, seconds):
    out, err = process.communicate(timeout=seconds + 60)
    if process.returncode != 0:
        sys.exit(f"wrk failed (exit {process.returncode}): {err}")
    (line,) = [line for line in out.splitlines() if line.startswith("RESULT ")]
    return json.loads(line.removeprefix("RESULT "))


def row(name, result):
    seconds = result["duration_us"] / 1e6
    errors = result["socket_errors"] + result["status_errors"]
    return (
        f"{name:<22}{result['requests']:>9}{result['requests'] / seconds:>9.1f}"
        f"{result['p50_us'] / 1000:>9.0f}{result['p95_us'] / 1000:>9.0f}"
        f"{result['p99_us'] / 1000:>9.0f}{errors:>8}"
    )


def restart_database():
    """Restart the cluster; the moments it went down and accepted connections again."""
    down = time.time()
    subprocess.run(cluster_command("restart"), check=True, capture_output=True, timeout=120)
    while not database_answers():
        time.sleep(0.05)
    return down, time.time()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-restart", action="store_true", help="the steady phase only; PostgreSQL is left alone"
    )
    options = parser.parse_args()
    if not options.no_restart and urlsplit(DATABASE_URL).hostname not in ("127.0.0.1", "localhost"):
        sys.exit("The restart phase restarts this machine's PostgreSQL: the database must be here.")

    env = server_environment()
    create_database()
    for command in (["migrate", "--no-input", "--verbosity", "0"], ["load_demo"]):
        subprocess.run([BIN / "python", "manage.py", *command], cwd=BASE_DIR, env=env, check=True)
    failures = []
    try:
        with gunicorn(env) as base, tempfile.NamedTemporaryFile("w", suffix=".txt") as paths:
            mix = page_mix(base)
            paths.write("\n".join(mix) + "\n")
            paths.flush()
            cache = env.get("PUBLIC_PAGE_CACHE_SECONDS", "production's default")
            say(
                f"\n{VISITORS} visitors, {SECONDS} s a phase, {len(set(mix))} addresses, "
                f"gunicorn {WORKERS} workers, page cache {cache}, database {DATABASE_URL}\n"
            )
            say(f"{'phase':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
                f"{'p99 ms':>9}{'errors':>8}")  # fmt: skip

            steady = result_of(wrk(base, paths.name, SECONDS), SECONDS)
            say(row("steady", steady))
            if steady["socket_errors"] or steady["status_errors"]:
                failures.append("steady phase: errors under load")

            if not options.no_restart:
                started = time.time()
                load = wrk(base, paths.name, SECONDS)
                time.sleep(SECONDS / 2)
                down, up = restart_database()
                restart = result_of(load, SECONDS)
                say(row("PostgreSQL restart", restart))
                times = [moment for moment, _status in restart["errors"]]
                before = sum(moment < down for moment in times)
                during = sum(down <= moment <= up for moment in times)
                after = sum(moment > up for moment in times)
                say(
                    f"  database down {up - down:.1f} s (from {down - started:.1f} s): "
                    f"{before} errors before, {during} while down, {after} after recovery; "
                    f"{restart['socket_errors']} connection errors"
                )
                if before or after or restart["socket_errors"]:
                    failures.append("restart phase: errors outside the restart")
    finally:
        if not database_answers():
            subprocess.run(cluster_command("start"), check=False)
    if failures:
        sys.exit("FAILED: " + "; ".join(failures))
    say("\nNo error outside the restart.")


if __name__ == "__main__":
    main()
