"""`make prod-smoke`: the whole production set on this machine's loopback
address, checked through nginx, then taken down.

Brought up, each as production runs it (README, "Production"), in a
temporary folder: a Redis server of its own (cache and broker), a PostgreSQL
database of its own on the local cluster (made anew, migrated, the demo data
loaded), collectstatic's output, two gunicorn instances with
deploy/gunicorn.conf.py, a Celery worker, and nginx with the production site
(deploy/nginx/portal.conf, rendered by devtools/nginx.py).

Checked through nginx: the home page in the four languages, an event page, a
static file, the request id (header, nginx's log, the portal's JSON log), a
304 to a conditional request and a HIT from nginx's cache once the portal
sends validators and a public Cache-Control (until then said, not failed),
a signed-in visitor never served a kept page, /healthz, /readyz, /metrics
refused from outside but answered on an app server, the stricter rate on
login POSTs, a mail sent by the worker (a sign-up's verification link), and
the pages still served with one app server stopped.

Environment: PROD_SMOKE_DATABASE_URL (postgres://postgres@127.0.0.1:5432/prod_smoke,
made anew each run, dropped after). Exits 1 naming each check that failed, and
keeps the logs and the database to look into.
"""

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
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
import redis
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
from devtools.gunicorn import free_port  # noqa: E402
from devtools.nginx import two_app_servers  # noqa: E402
from devtools.registration_rush import PASSWORD, Inbox, Visitor  # noqa: E402

BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "PROD_SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/prod_smoke"
)
LANGUAGES = ["en", "hi", "mr", "fa"]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def say(text):
    print(text, flush=True)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None, method="GET", data=None):
    """(status, headers, body) of a request; a redirect is not followed."""
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def server_connection():
    """A connection to the cluster's `postgres` database, and the smoke's database's name."""
    parts = urlsplit(DATABASE_URL)
    try:
        conn = psycopg2.connect(
            dbname="postgres", user=parts.username, password=parts.password,
            host=parts.hostname, port=parts.port or 5432, connect_timeout=5,
        )  # fmt: skip
    except psycopg2.OperationalError as error:
        sys.exit(f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}: {error}")
    conn.autocommit = True
    return conn, sql.Identifier(parts.path.lstrip("/"))


def drop_database():
    conn, database = server_connection()
    with conn.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
    conn.close()


def fresh_database():
    drop_database()
    conn, database = server_connection()
    with conn.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(database))
    conn.close()


@contextmanager
def redis_server(folder):
    """A Redis server of its own on a free port, keeping nothing on disk; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait()


@contextmanager
def celery_worker(env, log_path):
    """The portal's worker as deploy/systemd/portal-worker.service runs it,
    taking the jobs' queue too (portal-jobs.service on a real machine)."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [BIN / "python", "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
             "-Q", "celery,jobs", "--concurrency=1", "--without-gossip", "--without-mingle"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=log,
        )  # fmt: skip
    try:
        yield
    finally:
        process.terminate()  # Celery's warm shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def manage(env, *command):
    subprocess.run(
        [BIN / "python", "manage.py", *command], cwd=BASE_DIR, env=env, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


class Smoke:
    """The checks, each said as it passes or fails; `failed` names those that failed."""

    def __init__(self, base, servers, folder, inbox):
        self.base, self.servers, self.folder, self.inbox = base, servers, folder, inbox
        self.failed = []

    def check(self, name, passed, detail=""):
        say(f"{'ok  ' if passed else 'FAIL'} {name}{f': {detail}' if detail else ''}")
        if not passed:
            self.failed.append(name)

    def get(self, path, headers=None):
        return fetch(self.base + path, headers)

    def pages(self):
        for lang in LANGUAGES:
            status, _headers, body = self.get(f"/{lang}/")
            direction = "rtl" if lang == "fa" else "ltr"
            self.check(
                f"home page in {lang}",
                status == 200 and f'<html lang="{lang}" dir="{direction}"' in body.decode(),
                f"status {status}",
            )
        status, _headers, body = self.get("/sitemap.xml")
        events = [
            urlsplit(loc.text).path
            for loc in ET.fromstring(body).iter(f"{SITEMAP_NS}loc")
            if re.fullmatch(r"/en/events/[^/?]+/", urlsplit(loc.text).path)
        ]
        self.check("sitemap lists event pages", status == 200 and bool(events))
        if events:
            status, _headers, _body = self.get(events[0])
            self.check(f"event page {events[0]}", status == 200, f"status {status}")

    def static_file(self):
        path = "portal/favicon.svg"
        status, headers, body = self.get(f"/static/{path}")
        self.check(
            "static file from collectstatic's folder, by nginx",
            status == 200
            and body == (BASE_DIR / "staticfiles" / path).read_bytes()
            and "X-Cache-Status" not in headers,
            f"status {status}",
        )

    def request_id(self):
        given = secrets.token_hex(16)
        headers = self.get("/en/no-such-page/", {"X-Request-ID": given})[1]
        self.check("X-Request-ID given is answered", headers.get("X-Request-ID") == given)
        made = self.get("/en/")[1].get("X-Request-ID", "")
        self.check("nginx makes an id when none is given", bool(re.fullmatch(r"\w{32}", made)))
        access = (self.folder / "nginx" / "access.log").read_text().splitlines()
        self.check(
            "nginx's JSON access log names the request",
            any(json.loads(line)["request_id"] == given for line in access),
        )
        # Django logs a 404 as a warning: one JSON line, with the id, in an app server's log.
        logged = [
            json.loads(line)
            for log in self.folder.glob("gunicorn-*.log")
            for line in log.read_text().splitlines()
            if line.startswith("{")
        ]
        self.check(
            "the portal's JSON log record carries nginx's request id",
            any(record.get("request_id") == given for record in logged),
        )

    def http_caching(self):
        """The validators and nginx's cache, as far as the portal's headers allow."""
        path = "/en/organisations/"
        # The first request renders the page; what the portal keeps answers the second.
        self.get(path)
        _status, first, _body = self.get(path)
        etag, modified = first.get("ETag"), first.get("Last-Modified")
        for header, value in (("If-None-Match", etag), ("If-Modified-Since", modified)):
            if value:
                status, _headers, body = self.get(path, {header: value})
                self.check(f"304 to {header}", status == 304 and not body, f"status {status}")
            else:
                say(f"--   no {'ETag' if header == 'If-None-Match' else 'Last-Modified'} "
                    f"on {path}: {header} not checked")  # fmt: skip
        control = first.get("Cache-Control", "")
        # How long a shared cache may keep it: s-maxage, else max-age.
        ages = dict(re.findall(r"(s-maxage|max-age)=(\d+)", control))
        if "public" in control and int(ages.get("s-maxage", ages.get("max-age", 0))) > 0:
            again = self.get(path)[1].get("X-Cache-Status")
            self.check("a repeated anonymous request is nginx's HIT", again == "HIT", again)
            cookie = {"Cookie": "sessionid=someone-signed-in"}
            bypass = self.get(path, cookie)[1].get("X-Cache-Status")
            self.check("a signed-in visitor never gets a kept page", bypass == "BYPASS", bypass)
        else:
            say(f"--   {path}: Cache-Control {control!r} keeps nothing: nginx's cache not checked")

    def probes(self):
        status, _headers, body = self.get("/healthz")
        self.check("/healthz", status == 200 and json.loads(body)["status"] == "ok")
        status, _headers, body = self.get("/readyz")
        self.check("/readyz: database, cache and broker answer", status == 200, body.decode())
        status, _headers, body = self.get("/metrics")
        self.check("/metrics refused through nginx", status == 404 and b"django_http" not in body)
        status, _headers, body = fetch(self.servers[0] + "/metrics")
        self.check(
            "/metrics answered on an app server's own address",
            status == 200 and b"django_http_requests_total_by_view" in body,
        )

    def login_rate(self):
        """More login POSTs than nginx's burst from one address: the rest are 429."""
        statuses = [
            fetch(self.base + "/en/account/login/", method="POST", data=b"login=x")[0]
            for _ in range(8)
        ]
        self.check("login POSTs past the burst are refused with 429", 429 in statuses, statuses)

    def worker_mail(self):
        """A sign-up through nginx: the verification mail is sent by the worker."""
        visitor = Visitor(self.base, "127.0.0.1", {})
        address = f"smoke-{secrets.token_hex(4)}@smoke.invalid"
        try:
            visitor.request("sign-up page", "/en/account/signup/")
            visitor.post(
                "sign-up",
                "/en/account/signup/",
                {"email": address, "password1": PASSWORD, "password2": PASSWORD, "fax": ""},
            )
            link = self.inbox.link(address, "/account/confirm-email/")
        except Exception as error:  # the journey's Failure, or a page it did not expect
            self.check("a sign-up's mail sent by the worker", False, str(error))
            return
        # The worker says so once the mail server has taken the mail.
        done = re.compile(r"Task portal\.tasks\.deliver\[[^]]+\] succeeded")
        deadline = time.monotonic() + 10
        while not done.search((self.folder / "worker.log").read_text()):
            if time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.check(
            "a sign-up's mail sent by the worker",
            bool(link and done.search((self.folder / "worker.log").read_text())),
        )

    def one_server_stopped(self, process):
        """Pages still answered, by the other app server, with one (`process`) stopped."""
        process.terminate()
        process.wait()
        pages = [f"/{lang}/{page}" for page in ("events/?when=all", "organisations/")
                 for lang in LANGUAGES]  # fmt: skip
        statuses = [self.get(page)[0] for page in pages]
        self.check("pages answered with one app server stopped", set(statuses) == {200}, statuses)


def environment(folder, redis_url, inbox):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": f"{redis_url}/1",
        "CELERY_BROKER_URL": f"{redis_url}/0",
        # No TLS on loopback: production's redirect to https would answer everything.
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(inbox.port),
        "EMAIL_USE_TLS": "0",
        "CLIENT_IP_HEADER": "X-Real-IP",
        "TRUSTED_PROXY_COUNT": "1",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        # Warnings and up, as in production: the 404 the request id check makes.
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    return env


def main():
    folder = Path(tempfile.mkdtemp(prefix="prod-smoke-"))
    with ExitStack() as stack:
        say(f"Setting up in {folder}: Redis, database {DATABASE_URL}, demo data, static files")
        inbox = Inbox()
        env = environment(folder, stack.enter_context(redis_server(folder)), inbox)
        fresh_database()
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--no-input", "--clear")

        base, instances = stack.enter_context(
            two_app_servers(env, folder=folder, logs=folder, workers=2)
        )
        stack.enter_context(celery_worker(env, folder / "worker.log"))
        servers = [server for server, _process in instances]
        say(f"nginx {base} before gunicorn {' and '.join(servers)}, a worker\n")

        smoke = Smoke(base, servers, folder, inbox)
        smoke.pages()
        smoke.static_file()
        smoke.request_id()
        smoke.http_caching()
        smoke.probes()
        smoke.worker_mail()
        smoke.login_rate()
        smoke.one_server_stopped(instances[0][1])
        say("\nTaking it all down.")
    if smoke.failed:
        sys.exit(
            f"FAILED: {'; '.join(smoke.failed)}\n"
            f"The logs are kept in {folder}, the database in {DATABASE_URL}"
        )
    shutil.rmtree(folder)
    drop_database()
    say("Every check passed.")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    main()
