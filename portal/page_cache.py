"""Public pages served from the cache; a change invalidates only what it shows on.

`cache_public_page` marks a public view; `PublicPageCacheMiddleware`,
first in MIDDLEWARE, keeps its pages. An anonymous GET (or HEAD) of such a
page is answered from the cache before any other middleware runs, headers
and all, with no database query; otherwise the request goes through and
the page is kept for PUBLIC_PAGE_CACHE_SECONDS (0 turns the cache off) as
the visitor received it. A request with a session cookie (officials,
participants), other methods, and responses that set a cookie, are private
or are not a 200 are never cached, and answers to a session are marked
`private` for the caches in between.

What a kept page depends on is named by tags, and a change bumps the tags
of what it touched (portal.receivers), never the whole site:

- A **record page** (an event, an organisation, a series, their API
  entries and calendars: `cache_public_page(view, record=True)`) depends on
  every record it loaded while rendering: each instance of the content apps
  built from the database adds its tag (`events.event:12`,
  `orgs.person:40`, ...). A change bumps the changed record's tag and those
  of the records it points to (a role's event and person, an MoU's event),
  so the saved event's own pages, and any record page showing a renamed
  person, are rendered again on the next request.
- Every **other page** (lists, home, feeds, stats, the API's lists, the
  sitemap) depends on the one tag every change bumps, `content`, with
  grace, as Varnish keeps a stale object: once a kept page is older than
  the change and PUBLIC_LIST_REFRESH_SECONDS old, the first request to ask
  for it renders it again while the others are still given the kept page
  (one flight per address, by a lock in the cache). Edits in every state
  at once cost each list one render every few seconds, not a render for
  every visitor after every save.

A tag's version is the time of its bump, kept in the cache (Redis when
REDIS_URL is set: one for every process), not in the database: a cached
answer reads its page and its tags' versions from the cache and nothing
else, so kept pages are served while PostgreSQL is down; a page that must
be rendered again and cannot be (a server error) is answered with the page
kept. Tags are bumped once the change is committed, and a page is stamped
with the time its rendering began, so a page rendered from the data before
the commit is always older than the bump. Tags are kept without expiry:
Redis must not evict keys without one (its default, `noeviction`, or a
`volatile-*` policy).

Kept pages carry `Cache-Control` (public; lists may be kept by a shared
cache for PUBLIC_LIST_REFRESH_SECONDS and served stale while one is
fetched, record pages are checked each time), a strong `ETag` and a
`Last-Modified`, and a conditional request that matches is answered 304.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

logger = logging.getLogger(__name__)

CONTENT = "content"
# Clocks of several app servers agree to within this (NTP); a page rendered
# this close to a bump counts as older than it.
CLOCK_SKEW = 0.5
# The records a record page loads while it renders, if one is rendering.
_loaded_tags = ContextVar("loaded_tags", default=None)


def tag_of(instance):
    return f"{instance._meta.label_lower}:{instance.pk}"


def _tag_key(tag):
    return f"page-tag:{tag}"


def record_loaded(sender, instance, **kwargs):
    """post_init of each content model: the record page being rendered shows it."""
    tags = _loaded_tags.get()
    if tags is not None and instance.pk is not None:
        tags.add(tag_of(instance))


def bump(tags):
    """Mark every kept page that depends on one of `tags` as older than now."""
    if not settings.PUBLIC_PAGE_CACHE_SECONDS or not tags:
        return
    now = time.time()
    _safely(cache.set_many, None, {_tag_key(tag): now for tag in tags}, timeout=None)


def tag_version(tag):
    """When `tag` was last bumped (0: not since the cache began)."""
    return cache.get(_tag_key(tag), 0)


def cache_public_page(view=None, *, record=False):
    """Mark the view's pages as the same for every anonymous visitor (see the middleware).

    `record=True`: the page shows one record (and what it refers to), and
    depends on exactly the records it loads.
    """
    if view is None:
        return lambda view: cache_public_page(view, record=record)

    @wraps(view)
    def public_view(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    public_view.public_page = "record" if record else "list"
    return public_view


# Asked for every request: the answer for the addresses asked most is kept.
@lru_cache(maxsize=4096)
def page_kind(path):
    """ "record" or "list" if `path` is answered by a view marked with cache_public_page."""
    # The language prefix of the address is only recognised in its language.
    with translation.override(translation.get_language_from_path(path)):
        try:
            view = resolve(path).func
        except Resolver404:
            return None
    return getattr(view, "public_page", None)


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


class KeptPage:
    """A page as it was sent (its body and headers), what it depends on and since when.

    The body and headers, not the response: each answer is a response of its
    own, and a page read from the cache is built without unpickling one.
    """

    def __init__(self, response, kind, tags, rendered_at, versions):
        self.kind = kind
        self.tags = tags
        self.rendered_at = rendered_at
        # Its content's age for conditional requests: the last bump it shows,
        # or its rendering if none is known.
        self.last_modified = min(max(versions, default=rendered_at), rendered_at)
        set_response_etag(response)
        response["Last-Modified"] = http_date(self.last_modified)
        if kind == "list":
            # A shared cache (nginx) may keep it as long as the list's grace
            # here, and serve it stale while it fetches the page again.
            grace = {
                "s_maxage": settings.PUBLIC_LIST_REFRESH_SECONDS,
                "stale_while_revalidate": settings.PUBLIC_PAGE_CACHE_SECONDS,
            }
        else:
            # A record's own page shows its change on the next request.
            grace = {"s_maxage": 0, "must_revalidate": True}
        patch_cache_control(response, public=True, max_age=0, **grace)
        self.content = response.content
        self.headers = dict(response.items())

    def __len__(self):
        return len(self.content)

    def state(self, versions, now):
        """ "fresh", "stale" (a list within grace: render it once) or "changed"."""
        if self.young(now):
            return "fresh"
        if versions is None:
            return "changed"
        if not any(v > self.rendered_at - CLOCK_SKEW for v in versions):
            return "fresh"
        return "changed" if self.kind == "record" else "stale"

    def young(self, now):
        """A list in its grace is fresh whatever changed: no tag need be read."""
        return self.kind == "list" and now - self.rendered_at < settings.PUBLIC_LIST_REFRESH_SECONDS

    def answer(self, request):
        return get_conditional_response(
            request,
            etag=self.headers["ETag"],
            last_modified=int(self.last_modified),
            response=HttpResponse(self.content, headers=self.headers),
        )


class Memory:
    """The pages this process answered last, kept in its own memory as well
    (PUBLIC_PAGE_MEMORY_MB): a page answered again costs one read of its
    tags' versions from the shared cache, not the page itself, and a list in
    its grace not even that."""

    def __init__(self):
        self.pages = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key, page):
        limit = settings.PUBLIC_PAGE_MEMORY_MB * 1024 * 1024
        with self.lock:
            old = self.pages.pop(key, None)
            self.size -= len(old) if old is not None else 0
            if len(page) > limit:
                return
            self.pages[key] = page
            self.size += len(page)
            while self.size > limit:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped)

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size = 0


memory = Memory()


def forget():
    """Drop what this process keeps: its pages and the views it has looked up
    (after the shared cache is emptied, or the URLconf changed, in tests)."""
    memory.clear()
    page_kind.cache_clear()


class PublicPageCacheMiddleware:
    """Answer anonymous visitors from the cache; render a page again when what it shows changed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        kind = (
            settings.PUBLIC_PAGE_CACHE_SECONDS
            and request.method in ("GET", "HEAD")
            and not has_session
            and page_kind(request.path_info)
        )
        if not kind:
            response = self.get_response(request)
            if has_session:
                patch_cache_control(response, private=True)
            return response
        # The host and scheme too: feeds, the API and the sitemap print absolute URLs.
        key = "public-page:" + hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        kept, state = self._kept(key)
        claimed = state == "stale" and self._claim(key)
        if state == "fresh" or (state == "stale" and not claimed):
            return kept.answer(request)
        try:
            response, page = self._render(request, kind)
        finally:
            if claimed:
                self._release(key)
        if response.status_code >= 500 and kept is not None:
            # Varnish's grace: the page kept rather than an error.
            return kept.answer(request)
        if page is None:
            return response
        self._write(key, page)
        return page.answer(request)

    def _kept(self, key):
        """The page kept for `key` (or None) and its state.

        This process's copy first; the shared cache's when there is none, or
        when this one is out of date: another process may have rendered the
        page again since.
        """
        now = time.time()
        kept = memory.get(key)
        if kept is not None:
            if kept.young(now):
                return kept, "fresh"
            state = kept.state(self._versions(kept.tags), now)
            if state == "fresh":
                return kept, state
        shared = self._read(key)
        if shared is None or (kept is not None and shared.rendered_at <= kept.rendered_at):
            return kept, (state if kept is not None else None)
        memory.put(key, shared)
        return shared, shared.state(self._versions(shared.tags), now)

    def _render(self, request, kind):
        tags = {CONTENT} if kind == "list" else set()
        rendered_at = time.time()
        token = _loaded_tags.set(tags if kind == "record" else None)
        try:
            response = self.get_response(request)
        finally:
            _loaded_tags.reset(token)
        if not _cacheable(request, response):
            return response, None
        # Read from a read replica, which may be this far behind the primary
        # (portal.db_router): stamped as rendered that much earlier, a change
        # the replica had not replayed yet is newer than the page.
        rendered_at -= getattr(request, "read_lag", 0)
        page = KeptPage(response, kind, sorted(tags), rendered_at, self._versions(tags) or ())
        return response, page

    def _versions(self, tags):
        """The tags' versions (those never bumped are left out), None if the cache fails."""
        versions = _safely(cache.get_many, None, [_tag_key(tag) for tag in tags])
        return None if versions is None else list(versions.values())

    def _read(self, key):
        return _safely(cache.get, None, key)

    def _write(self, key, page):
        memory.put(key, page)
        _safely(cache.set, None, key, page, settings.PUBLIC_PAGE_CACHE_SECONDS)

    def _claim(self, key):
        """Whether this request renders the page again (the others are given the kept one)."""
        return _safely(cache.add, True, f"{key}:rendering", 1, timeout=30)

    def _release(self, key):
        _safely(cache.delete, None, f"{key}:rendering")


def _safely(action, failed, *args, **kwargs):
    """The cache's answer, or `failed` if it cannot be reached: pages are
    then rendered for each request, not refused."""
    try:
        return action(*args, **kwargs)
    except Exception:
        logger.exception("The page cache could not be reached")
        return failed
