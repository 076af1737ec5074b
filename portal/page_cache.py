"""Public pages served from the cache, keyed by the version of the content.

`cache_public_page` marks a public view; `PublicPageCacheMiddleware`,
first in MIDDLEWARE, keeps its pages. An anonymous GET (or HEAD) of such a
page rendered at the present content version is answered from the cache
before any other middleware runs, headers and all, so a cached page costs
less than the cheapest view behind the middleware; otherwise the request
goes through, and the page is kept for
PUBLIC_PAGE_CACHE_SECONDS (0 turns the cache off) as the visitor received
it. A request with a session cookie (the back-office's officials), other
methods, and responses that set a cookie, are private or are not a 200 are
never cached. The language is in the address (or, for the API, its
query), and so in the key.

The version is bumped by every save, delete and many-to-many change of the
events and orgs apps' content (not their history, nor the feedback
visitors send), so a change made in the back-office, an import or a shell
shows at once: a timeout only frees memory.

The version is a row in the database (events.ContentVersion), not a value
in the cache: a local-memory cache is one per worker process, and a version
kept there would be bumped only in the worker that saved the change. The
row is updated in the transaction of the change, so no worker can see the
new version before the new content, nor cache old content under it; reading
it costs each cached answer one query by primary key. Concurrent changes
queue on the row until their transactions end, which a back-office's few
editors do not notice. Each address has one entry, holding the version it
was rendered at: a new version replaces the old page rather than adding
to it.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import translation

from .models import ContentVersion


def content_version():
    # Read on every cached answer: plain SQL, without building a query. From
    # the database the page reads from (the read replica, portal.db_router):
    # a replica a moment behind must not key the content it has under a
    # version it has not replayed yet.
    with connections[router.db_for_read(ContentVersion)].cursor() as cursor:
        cursor.execute(f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_content_version():
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def cache_public_page(view):
    """Mark the view's pages as the same for every anonymous visitor (see the middleware)."""

    @wraps(view)
    def public_view(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    public_view.public_page = True
    return public_view


def is_public_page(path):
    """Whether `path` is answered by a view marked with cache_public_page."""
    # The language prefix of the address is only recognised in its language.
    with translation.override(translation.get_language_from_path(path)):
        try:
            view = resolve(path).func
        except Resolver404:
            return False
    return getattr(view, "public_page", False)


def _cacheable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The CSRF middleware would set its cookie for a page with a form.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )


class PublicPageCacheMiddleware:
    """Answer anonymous visitors from the cache at the present content version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or not is_public_page(request.path_info)
        ):
            return self.get_response(request)
        # The host and scheme too: feeds, the API and the sitemap print absolute URLs.
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"public-page:{address}"
        # The version is read before the content is.
        version = content_version()
        kept = cache.get(key)
        if kept is not None and kept[0] == version:
            return kept[1]
        response = self.get_response(request)
        if _cacheable(request, response):
            cache.set(key, (version, response), seconds)
        return response
