"""Site-wide plain endpoints: robots.txt for crawlers, /healthz for the load balancer,
and the bench's bare baseline (/bench/hello, routed only with BENCH_HELLO=1)."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache


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
    """200 when the database answers, 503 when it does not (take this instance out)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


def hello(request):
    """The cheapest answer the stack can give: `manage.py bench` compares the pages with it."""
    return HttpResponse("hello", content_type="text/plain")
