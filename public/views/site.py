"""Site-wide plain endpoints: robots.txt for crawlers; /healthz, /readyz and /metrics
for the machines that run the portal (README, "Production"); and the bench's bare
baseline (/bench/hello, routed only with BENCH_HELLO=1)."""

import ipaddress
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django_prometheus.exports import ExportToDjangoView
from kombu import Connection


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """Liveness: the process answers requests. Nothing else is asked, so that a
    database or broker outage does not get every app server restarted (/readyz tells those)."""
    return JsonResponse({"status": "ok"})


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_answers():
    # A key of its own each time: app servers asking at once do not overwrite each other's.
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return answered
    except Exception:  # each cache backend raises its own errors
        return False


def _broker_answers():
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=1) as broker:
            broker.ensure_connection(max_retries=1, timeout=1)
    except Exception:  # kombu raises each transport's own errors
        return False
    return True


READINESS_CHECKS = {
    "database": _database_answers,
    "cache": _cache_answers,
    "broker": _broker_answers,
}


@never_cache
def readyz(request):
    """Readiness: 200 when the database, the cache and the task broker all answer,
    else 503 naming the ones that did not, e.g. {"status": "unavailable", "failed": ["broker"]}."""
    checks = {name: "ok" if answers() else "failed" for name, answers in READINESS_CHECKS.items()}
    failed = [name for name, state in checks.items() if state == "failed"]
    return JsonResponse(
        {"status": "unavailable" if failed else "ok", "checks": checks, "failed": failed},
        status=503 if failed else 200,
    )


def _scraped_internally(request):
    """Whether a request came straight to the app server from an internal address.

    Everything from outside comes through nginx, which adds X-Forwarded-For
    (deploy/nginx/portal.conf): a request carrying it is refused whatever its
    address, and nginx refuses /metrics itself before that.
    """
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net) for net in settings.METRICS_ALLOWED_NETWORKS)


@never_cache
def metrics(request):
    """Prometheus' metrics of this app server (django-prometheus), for the scraper only:
    a 404 to anyone else, as if there were nothing here."""
    if not _scraped_internally(request):
        raise Http404
    return ExportToDjangoView(request)


def hello(request):
    """The cheapest answer the stack can give: `manage.py bench` compares the pages with it."""
    return HttpResponse("hello", content_type="text/plain")
