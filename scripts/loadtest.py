"""`make loadtest`: 50 visitors at once on the public pages; then the same
while 200 exporters and buyers sign up and register for meets; then while
PostgreSQL restarts; then while one of the two app servers is killed.

The portal runs as in production (DEBUG off, nginx with the production site
before two gunicorn instances, PostgreSQL on this machine) with the demo
data, in a database of its own; wrk drives the load through nginx
(scripts/loadtest.lua picks each request from the page mix). Four phases:

1. steady: no error allowed;
2. registration rush: on top of the same load, JOURNEYS visitors (started
   evenly over three quarters of the phase) each sign up, verify their
   address from the mail, enter their firm and register it for one of the
   load test's meets, which have fewer places than takers
   (devtools/registration_rush.py). No error allowed, in the browsing or in
   a journey; every journey ends within the phase with a registration; no
   meet holds more than its places of each kind (read in the database);
3. restart: PostgreSQL is restarted in the middle (pg_ctlcluster). Errors
   are allowed only from the restart until the database accepts
   connections again; none before, and none after: every gunicorn worker
   must find its dead connection out and open a new one
   (CONN_HEALTH_CHECKS);
4. app server killed: one gunicorn instance, master and workers, is killed
   (SIGKILL) in the middle. nginx sends each request the dead server
   refused or dropped before answering to the other one
   (proxy_next_upstream), and leaves the dead one out (max_fails). No error
   allowed but the answers the dead server was in the middle of sending
   (counted in nginx's error log), which no proxy can take back.

Prints requests per second, latency percentiles and errors per phase, the
journeys' figures, and exits 1 if a phase broke its rule. The restart ends
every connection to the cluster, other programs' too: `--no-restart` leaves
that phase out, `--no-rush` the registration rush, `--no-kill` the killed
app server.

The portal mails through an SMTP server in this process, and sends each
mail at once (CELERY_TASK_ALWAYS_EAGER: no worker to start). nginx believes
the X-Real-IP header each journey sends (as from a load balancer in front of
it), so that each journey comes from an address of its own, limited as a
visitor's would be; wrk's own address, this machine's, is not rate-limited.

Environment: LOADTEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/loadtest,
created if missing), LOADTEST_SECONDS (60 per phase), LOADTEST_VISITORS (50),
LOADTEST_WORKERS (worker processes of each gunicorn instance, 2), LOADTEST_JOURNEYS (200). The
rest of the environment reaches the portal, e.g. PUBLIC_PAGE_CACHE_SECONDS=0
to measure without the page cache.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg2
import redis
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parent.parent
# The project's gunicorn helper and the rush's visitors, plain Python
# (devtools/gunicorn.py, devtools/registration_rush.py).
sys.path.insert(0, str(BASE_DIR))
from devtools.gunicorn import status_of  # noqa: E402
from devtools.nginx import two_app_servers  # noqa: E402
from devtools.registration_rush import CLIENT_IP_HEADER, Inbox, rush  # noqa: E402

BIN = Path(sys.executable).parent
OUTPUT = BASE_DIR / "test-output" / "loadtest"
LUA = BASE_DIR / "scripts" / "loadtest.lua"

DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/loadtest"
)
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
VISITORS = int(os.environ.get("LOADTEST_VISITORS", "50"))
# Two cores shared with PostgreSQL, nginx and wrk: four processes in all keep
# both busy while some of them wait on the database.
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "2"))
JOURNEYS = int(os.environ.get("LOADTEST_JOURNEYS", "200"))
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


def server_environment(inbox):
    """Production settings (DEBUG off) served over plain http on this machine,
    mailing to `inbox` at once."""
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        # No TLS here: production's redirect to https would answer every request.
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(inbox.port),
        "EMAIL_USE_TLS": "0",
        "CELERY_TASK_ALWAYS_EAGER": "1",
        # One page cache for every worker, as in production (portal.page_cache).
        "REDIS_URL": os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/2"),
        "CACHE_KEY_PREFIX": "loadtest",
        # As nginx in front of the portal writes it (the visitor's own address).
        "CLIENT_IP_HEADER": CLIENT_IP_HEADER,
        "TRUSTED_PROXY_COUNT": "1",
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
def portal(env, folder):
    """nginx before two gunicorn instances; yields (nginx's base URL, the instances'
    master processes) once nginx passes requests on."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with two_app_servers(
        env, folder=folder, logs=OUTPUT, workers=WORKERS,
        # The journeys' addresses, as a load balancer in front would give them.
        trusted_proxies=["127.0.0.1"], real_ip_header=CLIENT_IP_HEADER,
        # wrk's visitors all come from here: not limited as one visitor.
        unlimited=["127.0.0.1"],
    ) as (base, instances):  # fmt: skip
        try:
            yield base, [process for _server, process in instances]
        finally:
            # nginx's logs outlive its temporary folder.
            for log in ("access.log", "error.log"):
                shutil.copy(Path(folder) / "nginx" / log, OUTPUT / f"nginx-{log}")


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


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * share // 100) - 1)]


def registrations_of(slugs):
    """({(slug, kind): places}, {(slug, kind, status): count}) of the rush's meets."""
    with connect() as conn, conn.cursor() as cursor:
        cursor.execute(
            """SELECT e.slug, s.seller_places, s.buyer_places
               FROM participants_registrationsettings s JOIN events_event e ON e.id = s.event_id
               WHERE e.slug = ANY(%s)""",
            [slugs],
        )
        places = {}
        for slug, sellers, buyers in cursor.fetchall():
            places[slug, "seller"], places[slug, "buyer"] = sellers, buyers
        cursor.execute(
            """SELECT e.slug, r.kind, r.status, count(*)
               FROM participants_registration r JOIN events_event e ON e.id = r.event_id
               WHERE e.slug = ANY(%s) GROUP BY 1, 2, 3""",
            [slugs],
        )
        counts = {(slug, kind, status): n for slug, kind, status, n in cursor.fetchall()}
    return places, counts


def rush_phase(base, paths_file, inbox, slugs):
    """The registration rush on top of the browsing load; the rules it broke."""
    load = wrk(base, paths_file, SECONDS)
    failures, timings, took = rush(base, inbox, slugs, JOURNEYS, SECONDS * 3 / 4)
    browsing = result_of(load, SECONDS)
    say(row("registration rush", browsing))
    broken = []
    if browsing["socket_errors"] or browsing["status_errors"]:
        say(
            f"  browsing errors: {browsing['socket_errors']} without an answer (10 s), "
            f"{browsing['status_errors']} answered with an error status"
        )
        broken.append("rush phase: errors in the browsing")

    whole = JOURNEYS - len(failures)
    say(
        f"  {JOURNEYS} journeys (sign-up, verification, firm, registration) in {took:.1f} s, "
        f"{len(failures)} failed: {whole / took * 60:.0f} whole journeys a minute"
    )
    if failures:
        # "sign-up: /en/account/signup/: timed out" counts as "sign-up: timed out".
        causes = Counter(re.sub(r" /\S*", "", str(failure)) for _number, failure in failures)
        say("  failed: " + "; ".join(f"{n} at {cause}" for cause, n in causes.most_common()))
        for number, failure in failures[:3]:
            say(f"    journey {number}: {failure}")
        broken.append(f"rush phase: {len(failures)} journeys failed")
    if took > SECONDS:
        broken.append(f"rush phase: the journeys took {took:.0f} s, over the {SECONDS} s phase")
    for step in ("sign-up", "verification", "new firm", "registration"):
        if timings.get(step):
            say(
                f"  POST {step:<13} p50 {percentile(timings[step], 50) * 1000:>5.0f} ms, "
                f"p95 {percentile(timings[step], 95) * 1000:>5.0f} ms"
            )

    places, counts = registrations_of(slugs)
    statuses = {}
    for (_slug, _kind, status), n in counts.items():
        statuses[status] = statuses.get(status, 0) + n
    say("  registrations: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    if sum(statuses.values()) != JOURNEYS:
        broken.append("rush phase: not one registration per journey")
    holding = ("received", "approved", "offered")  # Registration.HOLDING
    held = {
        (slug, kind): sum(counts.get((slug, kind, status), 0) for status in holding)
        for slug, kind in places
    }
    over = [key for key, limit in places.items() if held[key] > limit]
    full = sum(held[key] == limit for key, limit in places.items())
    say(f"  places of a kind at a meet: {len(places)}, {full} full, {len(over)} over")
    broken += [f"rush phase: {slug} holds more {kind}s than its places" for slug, kind in over]
    return broken


def failover(nginx_folder):
    """From nginx's logs: (requests it sent on to the other app server, answers cut
    off because the killed server was already sending them)."""
    access = (nginx_folder / "access.log").read_text().splitlines()
    sent_on = sum(", " in json.loads(line)["upstream"] for line in access)
    errors = (nginx_folder / "error.log").read_text()
    return sent_on, errors.count("upstream prematurely closed connection")


def kill_phase(base, paths_file, server, nginx_folder):
    """One app server killed in the middle of the load; the rules it broke.

    No error is allowed but the answers the killed server was already sending:
    nginx cannot take back a header it has passed on (nor can any proxy), so
    the visitor's connection is closed on a cut-off page; its error log names
    each. Every request the dead server had not begun to answer must be sent
    on to the other one.
    """
    started = time.time()
    load = wrk(base, paths_file, SECONDS)
    time.sleep(SECONDS / 2)
    os.killpg(server.pid, signal.SIGKILL)
    killed = time.time()
    result = result_of(load, SECONDS)
    say(row("app server killed", result))
    sent_on, cut_off = failover(nginx_folder)
    say(
        f"  one of 2 gunicorns killed at {killed - started:.1f} s: "
        f"{len(result['errors'])} error answers, {result['socket_errors']} connections "
        f"closed without a whole answer ({result['timeouts']} no answer in 10 s); nginx sent "
        f"{sent_on} requests on to the other server, {cut_off} answers were under way"
    )
    if result["errors"] or result["socket_errors"] > cut_off:
        return ["kill phase: errors that nginx's retry should have spared"]
    return []


def restart_phase(base, paths_file, uncached):
    """The public pages while PostgreSQL restarts: the kept ones answer
    throughout; a page read from the database (`uncached`) again within a
    second of the database."""
    started = time.time()
    load = wrk(base, paths_file, SECONDS)
    time.sleep(SECONDS / 2)
    down, up = restart_database()
    while status_of(base + uncached, timeout=5) != 200:
        time.sleep(0.05)
    recovered = time.time() - up
    restart = result_of(load, SECONDS)
    say(row("PostgreSQL restart", restart))
    times = [moment for moment, _status in restart["errors"]]
    during = sum(down <= moment <= up for moment in times)
    say(
        f"  database down {up - down:.1f} s (from {down - started:.1f} s): "
        f"{len(times)} errors on kept pages ({during} while down), "
        f"{restart['socket_errors']} connection errors; a page read from the database "
        f"answered again {recovered:.2f} s after it"
    )
    broken = []
    if times or restart["socket_errors"]:
        broken.append("restart phase: kept pages failed")
    if recovered > 1:
        broken.append("restart phase: pages read from the database took over 1 s to recover")
    return broken


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
        "--no-restart", action="store_true", help="no restart phase; PostgreSQL is left alone"
    )
    parser.add_argument("--no-rush", action="store_true", help="no registration rush phase")
    parser.add_argument("--no-kill", action="store_true", help="no app server killed")
    options = parser.parse_args()
    if not options.no_restart and urlsplit(DATABASE_URL).hostname not in ("127.0.0.1", "localhost"):
        sys.exit("The restart phase restarts this machine's PostgreSQL: the database must be here.")

    inbox = Inbox()
    env = server_environment(inbox)
    create_database()
    # The page cache of an earlier run knows nothing of this run's data.
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    for command in (["migrate", "--no-input", "--verbosity", "0"], ["load_demo"]):
        subprocess.run([BIN / "python", "manage.py", *command], cwd=BASE_DIR, env=env, check=True)
    # The meets the rush registers for, emptied of an earlier run's registrations.
    slugs = subprocess.run(
        [BIN / "python", "manage.py", "prepare_registration_rush"],
        cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    failures = []
    try:
        with (
            tempfile.TemporaryDirectory(prefix="loadtest-") as folder,
            portal(env, folder) as (base, servers),
            tempfile.NamedTemporaryFile("w", suffix=".txt") as paths,
        ):
            mix = page_mix(base)
            paths.write("\n".join(mix) + "\n")
            paths.flush()
            cache = env.get("PUBLIC_PAGE_CACHE_SECONDS", "production's default")
            say(
                f"\n{VISITORS} visitors, {SECONDS} s a phase, {len(set(mix))} addresses, "
                f"nginx before 2 gunicorns of {WORKERS} workers, page cache {cache}, "
                f"database {DATABASE_URL}\n"
            )
            say(f"{'phase':<22}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
                f"{'p99 ms':>9}{'errors':>8}")  # fmt: skip

            steady = result_of(wrk(base, paths.name, SECONDS), SECONDS)
            say(row("steady", steady))
            if steady["socket_errors"] or steady["status_errors"]:
                failures.append("steady phase: errors under load")

            if not options.no_rush:
                failures += rush_phase(base, paths.name, inbox, slugs)

            if not options.no_restart:
                failures += restart_phase(base, paths.name, f"/en/events/{slugs[0]}/places/")

            if not options.no_kill:
                nginx_folder = Path(folder) / "nginx"
                failures += kill_phase(base, paths.name, servers[0], nginx_folder)
    finally:
        if not database_answers():
            subprocess.run(cluster_command("start"), check=False)
    if failures:
        sys.exit("FAILED: " + "; ".join(failures))
    say("\nEvery phase kept its rule.")


if __name__ == "__main__":
    main()
