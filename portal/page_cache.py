"""Public pages served from the cache, keyed by the version of the content.

`cache_public_page` wraps a public view: an anonymous GET (or HEAD) is
answered from the cache when the same address was rendered at the present
content version; otherwise the view runs and its response is kept for
PUBLIC_PAGE_CACHE_SECONDS (0 turns the cache off). Logged-in officials,
other methods, and responses that set a cookie, are private or are not a
200 are never cached. Headers the middleware adds (Content-Language, Vary,
the security headers) are added again to each answer, cached or not; the
language is in the address, and so in the key.

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
editors do not notice.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

CONTENT_APPS = {"events", "orgs"}
# Feedback is written by visitors and read only in the back-office; the
# version's own row changes with every bump.
NOT_SHOWN = {"orgs.feedback", "events.contentversion"}


def content_version():
    from events.models import ContentVersion

    return ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def bump_content_version():
    from events.models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def _is_content(model):
    meta = model._meta
    return (
        meta.app_label in CONTENT_APPS
        and meta.label_lower not in NOT_SHOWN
        and not issubclass(model, HistoricalChanges)
    )


def _content_changed(sender, instance, raw=False, action="post", **kwargs):
    # `raw`: fixtures being loaded; m2m_changed also signals before each change.
    if not raw and action.startswith("post") and _is_content(type(instance)):
        bump_content_version()


def connect_signals():
    """Bump the version on every change of content (called by EventsConfig.ready)."""
    for signal in (post_save, post_delete):
        signal.connect(_content_changed, dispatch_uid=f"page_cache_{signal!r}")
    m2m_changed.connect(_content_changed, dispatch_uid="page_cache_m2m")


def _cacheable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The CSRF middleware would set its cookie for a page with a form.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
    )


def cache_public_page(view):
    """Serve the view's anonymous GETs from the cache, at the present content version."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        # The host and scheme too: feeds, the API and the sitemap print absolute URLs.
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"public-page:{content_version()}:{address}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)

        def keep(response):
            if _cacheable(request, response):
                cache.set(key, response, seconds)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(keep)
        else:
            keep(response)
        return response

    return cached_view
