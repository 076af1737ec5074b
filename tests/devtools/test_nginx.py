"""The production nginx site (deploy/nginx/portal.conf), run by Debian's nginx on
loopback (devtools.nginx.fronting) before two small app servers that say who
answered and what they were told: what nginx keeps, refuses, passes on and
does when an app server dies."""

import http.client
import json
import os
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from devtools.gunicorn import free_port
from devtools.nginx import BASE_DIR, NGINX, fronting, render

pytestmark = pytest.mark.skipif(
    NGINX is None and not os.environ.get("CI"),
    reason="nginx is not installed (apt-get install nginx-light)",
)


class AppServer(BaseHTTPRequestHandler):
    """Answers as the portal's kinds of pages would, naming itself and counting."""

    def do_GET(self):
        self.server.paths.append(self.path)
        if "slow" in self.path:
            time.sleep(0.3)
        kind = self.path.strip("/").split("/")[0].split("?")[0]
        control = {
            "public": "public, max-age=60, s-maxage=60",
            "private": "private, max-age=0",
        }.get(kind, "no-cache")
        body = json.dumps(
            {
                "server": self.server.name,
                "count": len(self.server.paths),
                "headers": dict(self.headers),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", control)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start_app_server(name):
    server = ThreadingHTTPServer(("127.0.0.1", 0), AppServer)
    server.name, server.paths = name, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def app_servers():
    servers = [start_app_server("a"), start_app_server("b")]
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def nginx(app_servers, tmp_path):
    static = tmp_path / "static"
    (static / "portal").mkdir(parents=True)
    (static / "portal" / "site.css").write_text("body { margin: 0 }\n")
    with fronting(
        [f"127.0.0.1:{server.server_address[1]}" for server in app_servers],
        folder=tmp_path / "nginx",
        static_root=static,
        media_root=tmp_path / "media",
    ) as base:
        yield base


def request(url, headers=None, data=None):
    """(status, headers, body as JSON where it is) of a GET, or of a POST with `data`."""
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers=headers or {}, data=data), timeout=10
        ) as response:
            status, answer, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer, body = error.code, error.headers, error.read()
    if answer.get("Content-Type") == "application/json":
        body = json.loads(body)
    return status, answer, body


def test_a_public_page_is_kept_and_served_again_by_nginx(nginx):
    _status, first, made = request(f"{nginx}/public/events/")
    status, second, kept = request(f"{nginx}/public/events/")
    assert (first["X-Cache-Status"], second["X-Cache-Status"]) == ("MISS", "HIT")
    assert status == 200
    assert kept == made


def test_a_signed_in_visitor_never_gets_a_kept_page(nginx):
    request(f"{nginx}/public/events/")
    cookie = {"Cookie": "csrftoken=abc; sessionid=someone"}
    _status, headers, body = request(f"{nginx}/public/events/", cookie)
    assert headers["X-Cache-Status"] == "BYPASS"
    assert body["headers"]["Cookie"] == "csrftoken=abc; sessionid=someone"


def test_a_private_page_is_not_kept(nginx):
    request(f"{nginx}/private/account/")
    _status, headers, _body = request(f"{nginx}/private/account/")
    assert headers["X-Cache-Status"] == "MISS"


def test_visitors_asking_at_once_for_a_page_not_kept_are_not_made_to_queue(nginx):
    """nginx's cache lock would hold each behind the one before (0.5 s apart)."""
    timings = []

    def visit():
        started = time.monotonic()
        request(f"{nginx}/slow/events/some-meet/")
        timings.append(time.monotonic() - started)

    visitors = [threading.Thread(target=visit) for _ in range(6)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()
    assert max(timings) < 1.2, timings


def test_the_portal_is_told_the_visitors_address_and_a_request_id(nginx):
    _status, headers, body = request(f"{nginx}/echo/", {"X-Forwarded-For": "198.51.100.1"})
    told = body["headers"]
    assert told["X-Real-IP"] == "127.0.0.1"
    # What the visitor claimed stays first; the address nginx saw is appended.
    assert told["X-Forwarded-For"] == "198.51.100.1, 127.0.0.1"
    assert len(told["X-Request-ID"]) == 32
    assert headers["X-Request-ID"] == told["X-Request-ID"]


def test_a_kept_page_answers_with_its_own_request_id(nginx):
    first = request(f"{nginx}/public/feed/")[1]["X-Request-ID"]
    second = request(f"{nginx}/public/feed/")[1]
    assert second["X-Cache-Status"] == "HIT"
    assert second["X-Request-ID"] != first


def test_metrics_are_not_found_through_nginx(nginx, app_servers):
    status, _headers, _body = request(f"{nginx}/metrics")
    assert status == 404
    assert not [path for server in app_servers for path in server.paths if "metrics" in path]


def test_static_files_are_served_by_nginx_itself(nginx, app_servers):
    status, headers, body = request(f"{nginx}/static/portal/site.css")
    assert (status, body) == (200, b"body { margin: 0 }\n")
    assert headers["Content-Type"] == "text/css"
    assert not [path for server in app_servers for path in server.paths if "static" in path]


def test_a_body_over_the_upload_limit_is_refused(nginx):
    status, _headers, _body = request(f"{nginx}/en/account/firm/new/", data=b"x" * 7_000_000)
    assert status == 413


def test_login_posts_past_the_burst_are_refused_with_429(nginx):
    statuses = [request(f"{nginx}/en/account/login/", data=b"login=x")[0] for _ in range(8)]
    # Six pass (one, and five of burst) to the portal, which refuses them itself.
    assert statuses == [403] * 6 + [429] * 2


def test_pages_are_answered_with_one_app_server_dead(nginx, app_servers):
    dead, alive = app_servers
    dead.shutdown()
    dead.server_close()
    answers = [request(f"{nginx}/echo/{n}") for n in range(10)]
    assert [status for status, _headers, _body in answers] == [200] * 10
    assert {body["server"] for _status, _headers, body in answers} == {alive.name}


def test_the_production_site_as_printed_passes_nginx_own_check(tmp_path):
    site = subprocess.run(
        [
            sys.executable, "-m", "devtools.nginx", "--server-name", "events.example.gov.in",
            "--app-server", "10.0.0.5:8001", "--app-server", "10.0.0.6:8001",
            "--trusted-proxy", "10.0.0.0/8", "--unlimited", "10.0.0.9",
            "--cache-path", str(tmp_path / "cache"), "--access-log", str(tmp_path / "access.log"),
        ],
        cwd=BASE_DIR, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert "server 10.0.0.5:8001 max_fails=1 fail_timeout=10s;" in site
    assert "server 10.0.0.6:8001 max_fails=1 fail_timeout=10s;" in site
    assert "set_real_ip_from 10.0.0.0/8;" in site
    (tmp_path / "portal.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(render("loopback.conf", prefix=tmp_path, user="root"))
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "temp" / temp).mkdir(parents=True)
    check = subprocess.run(
        [NGINX, "-t", "-c", tmp_path / "nginx.conf", "-p", tmp_path],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_with_a_certificate_the_site_is_served_over_https_and_http_redirects_to_it(
    app_servers, tmp_path
):
    certificate, key = tmp_path / "portal.pem", tmp_path / "portal.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", key, "-out", certificate,
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    https_port, http_port = free_port(), free_port()
    site = subprocess.run(
        [
            sys.executable, "-m", "devtools.nginx", "--server-name", "127.0.0.1",
            "--listen", f"127.0.0.1:{https_port}", "--http-listen", f"127.0.0.1:{http_port}",
            "--certificate", certificate, "--certificate-key", key,
            *(f"--app-server=127.0.0.1:{server.server_address[1]}" for server in app_servers),
            "--static-root", tmp_path, "--media-root", tmp_path,
            "--cache-path", tmp_path / "cache", "--access-log", tmp_path / "access.log",
        ],
        cwd=BASE_DIR, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    (tmp_path / "portal.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(render("loopback.conf", prefix=tmp_path, user="root"))
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / "temp" / temp).mkdir(parents=True)
    process = subprocess.Popen([NGINX, "-c", tmp_path / "nginx.conf", "-p", tmp_path])
    try:
        trusted = ssl.create_default_context(cafile=certificate)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(
                    f"https://127.0.0.1:{https_port}/public/tls", context=trusted, timeout=5
                ) as response:
                    told = json.loads(response.read())["headers"]
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, (tmp_path / "error.log").read_text()
                time.sleep(0.2)
        assert told["X-Forwarded-Proto"] == "https"
        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)
        plain.request("GET", "/en/events/?kind=expo", headers={"Host": "127.0.0.1"})
        answer = plain.getresponse()
        assert (answer.status, answer.getheader("Location")) == (
            301,
            "https://127.0.0.1/en/events/?kind=expo",
        )
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=15)
