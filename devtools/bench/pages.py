"""The addresses measured, chosen from the data, and their cost.

Queries are counted in-process with Django's test client against the same
database (one warm-up request, one counted); server time is taken against
the bench's gunicorn, one request at a time.
"""

import datetime
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from devtools.bench import server
from events.models import B2BMeeting, Event, EventOrganiser
from orgs.models import Region

BENCH_USER = "bench-admin"
# "Export conference", as a Marathi reader would type it.
MARATHI_SEARCH = "निर्यात परिषद"


def busiest(queryset, field):
    """The value of `field` shared by the most rows of `queryset`."""
    row = queryset.order_by().values(field).annotate(n=Count("pk")).order_by("-n", field).first()
    return row[field] if row else None


def address(name, query=None, lang="en", **kwargs):
    with translation.override(lang):
        url = reverse(name, kwargs=kwargs or None)
    return f"{url}?{urlencode(query)}" if query else url


def public_pages():
    """(name, address) of each public page measured, typical filters taken from the data."""
    published = Event.objects.published()
    organiser = busiest(
        EventOrganiser.objects.filter(event__status=Event.Status.PUBLISHED), "organisation__slug"
    )
    state = busiest(published.filter(region__kind=Region.Kind.DISTRICT), "region__parent__slug")
    scheme = busiest(Event.schemes.through.objects.filter(event__in=published), "scheme__slug")
    market = busiest(
        Event.target_countries.through.objects.filter(event__in=published), "country_id"
    )
    # The published event nearest above 500 meetings, else the one with the most.
    meetings = (
        B2BMeeting.objects.filter(event__status=Event.Status.PUBLISHED)
        .order_by()
        .values("event__slug")
        .annotate(n=Count("pk"))
    )
    detail = meetings.filter(n__gte=500).order_by("n").first() or meetings.order_by("-n").first()
    today = timezone.localdate()
    lists = "events:list"
    pages = [
        ("home", address("events:home")),
        ("event list", address(lists)),
        ("list: kind + state", address(lists, {"kind": "buyer_seller_meet", "region": state})),
        (
            "list: scheme + upcoming + market",
            address(lists, {"scheme": scheme, "when": "upcoming", "target_country": market}),
        ),
        (
            "list: organiser + dates",
            address(
                "events:list",
                {
                    "organiser": organiser,
                    "date_from": (today - datetime.timedelta(days=730)).isoformat(),
                    "date_to": today.isoformat(),
                },
            ),
        ),
        ("list: Marathi search", address(lists, {"q": MARATHI_SEARCH}, lang="mr")),
    ]
    if detail:
        event = address("events:detail", slug=detail["event__slug"])
        pages.append((f"event ({detail['n']:,} meetings)", event))
    if organiser:
        pages.append(("organisation (busiest organiser)", address("orgs:detail", slug=organiser)))
    pages += [
        ("MoU register", address("events:mous")),
        ("stats", address("events:stats")),
        ("calendar feed", address("events:calendar_ics")),
        ("API", address("api-events")),
    ]
    return pages


def admin_pages():
    return [
        ("admin: events", reverse("admin:events_event_changelist")),
        ("admin: B2B meetings", reverse("admin:events_b2bmeeting_changelist")),
    ]


def admin_client():
    """A client logged in as the bench's superuser (made if missing), and its session cookie."""
    user, created = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return client


def anonymous_client():
    return Client(SERVER_NAME="127.0.0.1")


def fetch(client, url):
    # Over https, as production serves it (no redirect whatever SECURE_SSL_REDIRECT says).
    response = client.get(url, secure=True)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def count_queries(page, client, cache_seconds=0):
    """Fill in the page's status and SQL queries, counted in-process after a warm-up."""
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=cache_seconds):
        fetch(client, page.url)
        with CaptureQueriesContext(connection) as queries:
            page.status = fetch(client, page.url).status_code
    page.queries = len(queries)
    return page


def warm_up(url, headers, rounds=2):
    """Requests to every worker at once, `rounds` times, so that no worker is
    timed on its first rendering of the page (templates, translations, plans)."""
    with ThreadPoolExecutor(server.WORKERS) as pool:
        for _ in range(rounds):
            list(pool.map(lambda _: server.get(url, headers), range(server.WORKERS)))


def time_requests(page, base, headers, runs):
    """Fill in the page's server time p50/p95 (ms): `runs` GETs one at a time after a warm-up.

    Against the bench's gunicorn (DEBUG off, as in production), so that the
    time is the server's, plus a loopback round trip, without the load of wrk.
    """
    warm_up(base + page.url, headers)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        server.get(base + page.url, headers)
        times.append((time.perf_counter() - started) * 1000)
    page.p50_ms = statistics.median(times)
    page.p95_ms = statistics.quantiles(times, n=20, method="inclusive")[18]
    return page
