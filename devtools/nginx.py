"""nginx in front of the portal: its configuration rendered from deploy/nginx,
for production (`python -m devtools.nginx --help`, README "Production") and for
a run on this machine's loopback address (`make prod-smoke`, `make loadtest`).

Plain Python and Django's template engine, no settings: scripts/loadtest.py
runs it before the portal is set up.
"""

import argparse
import getpass
import shutil
import signal
import subprocess
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.template import Context, Engine

from devtools.gunicorn import free_port, running, wait_for_healthz

BASE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES = BASE_DIR / "deploy" / "nginx"
GUNICORN_SETTINGS = BASE_DIR / "deploy" / "gunicorn.conf.py"
# Debian's nginx, in /usr/sbin: on an ordinary user's PATH or not.
NGINX = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")

PRODUCTION = {
    "listen": "80",
    "server_name": "_",
    "app_servers": ["127.0.0.1:8001", "127.0.0.1:8002"],
    "static_root": "/srv/portal/staticfiles",
    "media_root": "/srv/portal/media",
    "cache_path": "/var/cache/nginx/portal",
    "access_log": "/var/log/nginx/portal.access.log",
    "trusted_proxies": [],
    "real_ip_header": "X-Forwarded-For",
    "unlimited": [],
    # Per visitor's address; an office behind one address gets the burst.
    "page_rate": "20r/s",
    "page_burst": 100,
    # TLS: none unless a certificate is given (then `listen` is 443, and
    # `http_listen` redirects to it).
    "http_listen": "80",
    "certificate": None,
    "certificate_key": None,
    "acme_root": "/var/www/acme",
}


def render(name, **values):
    """deploy/nginx/<name> with `values` filled in, as they are: it is neither HTML nor
    a page for a reader of some language."""
    template = Engine(autoescape=False).from_string((TEMPLATES / name).read_text())
    return template.render(Context(values, autoescape=False, use_l10n=False))


@contextmanager
def fronting(app_servers, *, folder, static_root, media_root, **overrides):
    """nginx on a free loopback port before `app_servers` ("127.0.0.1:port"), run from
    `folder` (its configuration, cache, logs and pid); yields its base URL once it
    passes requests on, and stops it after. `overrides` replace PRODUCTION's values."""
    folder = Path(folder)
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / temp).mkdir(parents=True, exist_ok=True)
    port = free_port()
    values = {
        **PRODUCTION,
        "listen": f"127.0.0.1:{port}",
        "server_name": "127.0.0.1 localhost",
        "app_servers": app_servers,
        "static_root": static_root,
        "media_root": media_root,
        "cache_path": folder / "cache",
        "access_log": folder / "access.log",
        **overrides,
    }
    (folder / "portal.conf").write_text(render("portal.conf", **values))
    main_file = render("loopback.conf", prefix=folder, user=getpass.getuser())
    (folder / "nginx.conf").write_text(main_file)
    if NGINX is None:
        raise RuntimeError("nginx is not installed: apt-get install nginx-light")
    command = [NGINX, "-c", folder / "nginx.conf", "-p", folder]
    subprocess.run([*command, "-t", "-q"], check=True)
    process = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_healthz(base, process, name="nginx", logs=folder, seconds=30)
        yield base
    finally:
        # SIGQUIT: finish the requests under way, then stop.
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def two_app_servers(env, *, folder, logs, workers, **site):
    """Production on loopback: two gunicorn instances with deploy/gunicorn.conf.py
    (their logs logs/gunicorn-<n>.log) and nginx before them, run from `folder`;
    `site` as fronting()'s overrides. Yields (nginx's base URL, each instance's
    (base URL, master process)); stops them all after."""
    folder, logs = Path(folder), Path(logs)
    with ExitStack() as stack:
        instances = []
        for number in (1, 2):
            log = logs / f"gunicorn-{number}.log"
            log.write_text("")
            # Each instance its own metrics folder, as systemd gives it (RuntimeDirectory).
            metrics = {"PROMETHEUS_MULTIPROC_DIR": str(folder / f"metrics-{number}")}
            instance = running(
                env={**env, **metrics}, log_path=log, workers=workers,
                options=("--config", str(GUNICORN_SETTINGS)),
            )  # fmt: skip
            instances.append(stack.enter_context(instance))
        base = stack.enter_context(
            fronting(
                [urlsplit(server).netloc for server, _process in instances],
                folder=folder / "nginx",
                static_root=BASE_DIR / "staticfiles",
                media_root=env.get("MEDIA_ROOT", BASE_DIR / "media"),
                **site,
            )
        )
        yield base, instances


def main():
    parser = argparse.ArgumentParser(
        description="Print the portal's nginx site for production, e.g. "
        "python -m devtools.nginx --server-name events.example.gov.in "
        "> /etc/nginx/sites-available/portal"
    )
    parser.add_argument("--server-name", default=PRODUCTION["server_name"])
    parser.add_argument(
        "--listen", help="address:port or port (default: 443 with a certificate, else 80)"
    )
    parser.add_argument(
        "--certificate",
        help="the TLS certificate (full chain, PEM): https on --listen, http redirected to it",
    )
    parser.add_argument("--certificate-key", help="the certificate's private key (PEM)")
    parser.add_argument(
        "--http-listen",
        default=PRODUCTION["http_listen"],
        help="with a certificate: where plain http is redirected to https",
    )
    parser.add_argument(
        "--acme-root",
        default=PRODUCTION["acme_root"],
        help="where http's /.well-known/acme-challenge/ is served from, for renewals",
    )
    parser.add_argument(
        "--app-server",
        action="append",
        dest="app_servers",
        help="a gunicorn instance, address:port; once each (default: 127.0.0.1:8001 and :8002)",
    )
    parser.add_argument("--static-root", default=PRODUCTION["static_root"])
    parser.add_argument("--media-root", default=PRODUCTION["media_root"])
    parser.add_argument("--cache-path", default=PRODUCTION["cache_path"])
    parser.add_argument("--access-log", default=PRODUCTION["access_log"])
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        dest="trusted_proxies",
        default=[],
        help="a load balancer in front of nginx whose client address header is believed",
    )
    parser.add_argument("--real-ip-header", default=PRODUCTION["real_ip_header"])
    parser.add_argument(
        "--unlimited",
        action="append",
        default=[],
        help="an address or network whose requests are not rate-limited (e.g. a monitor)",
    )
    options = vars(parser.parse_args())
    if bool(options["certificate"]) != bool(options["certificate_key"]):
        parser.error("--certificate and --certificate-key go together")
    options["listen"] = options["listen"] or ("443" if options["certificate"] else "80")
    options["app_servers"] = options["app_servers"] or PRODUCTION["app_servers"]
    print(render("portal.conf", **{**PRODUCTION, **options}), end="")


if __name__ == "__main__":
    main()
