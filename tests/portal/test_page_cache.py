"""Public pages come from the cache; a change shows on the pages that show it, and only those."""

import time

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from events.models import Event
from portal import page_cache
from tests.factories import EventFactory, EventRoleFactory, PersonFactory, SchemeFactory

pytestmark = pytest.mark.django_db

LIST = "/en/events/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    settings.PUBLIC_LIST_REFRESH_SECONDS = 5
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Changes made inside it are committed as far as the page cache knows."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def later(monkeypatch):
    """Move the page cache's clock on by some seconds."""

    def move(seconds):
        now = time.time() + seconds
        monkeypatch.setattr(page_cache.time, "time", lambda: now)

    return move


def fetch(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code in (200, 304)
    return response, len(captured)


def page_key(url):
    """The cache key of the page at `url`, as the test client asks for it."""
    return (
        "public-page:" + page_cache.hashlib.sha256(f"http://testserver{url}".encode()).hexdigest()
    )


def database_down():
    """Every query fails, as with PostgreSQL stopped."""

    def refuse(*args):
        raise OperationalError("connection refused")

    return connection.execute_wrapper(refuse)


@pytest.mark.parametrize(
    "url", [LIST, "/hi/", "/fa/stats/", "/en/mous/", "/en/organisations/", "/api/events/"]
)
def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, url):
    EventFactory(title_en="Pune engineering meet")
    first, _queries = fetch(client, url)
    second, queries = fetch(client, url)
    assert queries == 0
    assert second.content == first.content
    assert second["Content-Language"] == first["Content-Language"]


def test_a_cached_answer_carries_the_headers_of_the_first(client):
    # Kept as the visitor received it: the security headers and language too.
    EventFactory()
    first, _queries = fetch(client, LIST)
    second, _queries = fetch(client, LIST)
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Content-Language",
        "Content-Type",
        "ETag",
        "Last-Modified",
        "Cache-Control",
    ):
        assert second[header] == first[header]


def test_each_language_and_filter_is_a_page_of_its_own(client):
    EventFactory(title_en="Pune engineering meet", title_mr="पुणे अभियांत्रिकी परिषद")
    english, _queries = fetch(client, LIST)
    marathi, _queries = fetch(client, "/mr/events/")
    assert "Pune engineering meet" in english.content.decode()
    assert "पुणे अभियांत्रिकी परिषद" in marathi.content.decode()
    assert marathi["Content-Language"] == "mr"
    empty, _queries = fetch(client, f"{LIST}?q=lucknow")
    assert "Pune engineering meet" not in empty.content.decode()


def test_a_change_saved_in_the_admin_shows_on_its_page_at_once_and_on_lists_within_grace(
    client, admin_user, committed, later
):
    admin_client = Client()
    admin_client.force_login(admin_user)
    event = EventFactory(title_en="Pune engineering meet")
    assert "Pune engineering meet" in fetch(client, LIST)[0].content.decode()
    fetch(client, event.get_absolute_url())

    with committed():
        response = admin_client.post(
            "/admin/events/event/", {"action": "unpublish", "_selected_action": [event.pk]}
        )
    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.DRAFT

    assert client.get(event.get_absolute_url()).status_code == 404
    # The list is kept a few seconds more (PUBLIC_LIST_REFRESH_SECONDS), then rendered again.
    assert "Pune engineering meet" in fetch(client, LIST)[0].content.decode()
    later(6)
    assert "Pune engineering meet" not in fetch(client, LIST)[0].content.decode()


def test_a_change_to_a_related_record_shows_on_the_record_page_at_once(client, committed):
    event = EventFactory()
    scheme = SchemeFactory(acronym="RAMP")
    person = PersonFactory(name_en="Narendra Jeena", designation_en="Deputy Director")
    EventRoleFactory(event=event, person=person)
    page = fetch(client, event.get_absolute_url())[0].content.decode()
    assert "RAMP" not in page and "Narendra Jeena" in page
    with committed():
        event.schemes.add(scheme)
    assert "RAMP" in fetch(client, event.get_absolute_url())[0].content.decode()
    with committed():
        scheme.acronym = "ODOP"
        scheme.save()
        person.name_en = "N. Jeena"
        person.save()
    page = fetch(client, event.get_absolute_url())[0].content.decode()
    assert "ODOP" in page and "N. Jeena" in page


def test_a_change_to_one_event_leaves_another_events_kept_page_alone(client, committed):
    saved, other = EventFactory(), EventFactory()
    fetch(client, other.get_absolute_url())
    with committed():
        saved.title_en = "Renamed meet"
        saved.save()
    assert fetch(client, other.get_absolute_url())[1] == 0
    assert fetch(client, saved.get_absolute_url())[1] > 0


def test_a_stale_list_is_rendered_by_one_request_while_the_others_get_the_kept_page(
    client, committed, later
):
    EventFactory(title_en="Pune engineering meet")
    fetch(client, LIST)
    with committed():
        EventFactory(title_en="Lucknow ODOP workshop")
    later(6)
    # Another request is rendering it already.
    key = page_key(LIST)
    cache.add(f"{key}:rendering", 1)
    kept, queries = fetch(client, LIST)
    assert queries == 0 and "Lucknow ODOP workshop" not in kept.content.decode()
    cache.delete(f"{key}:rendering")
    fresh, queries = fetch(client, LIST)
    assert queries > 0 and "Lucknow ODOP workshop" in fresh.content.decode()


def test_kept_pages_are_served_while_the_database_is_down(client, committed, later):
    event = EventFactory(title_en="Pune engineering meet")
    fetch(client, LIST)
    fetch(client, event.get_absolute_url())
    with committed():
        EventFactory(title_en="Lucknow ODOP workshop")
    later(6)
    visitor = Client(raise_request_exception=False)
    with database_down():
        # Fresh: no query. Stale: it cannot be rendered again, the kept page is served.
        assert "Pune engineering meet" in visitor.get(event.get_absolute_url()).content.decode()
        assert "Pune engineering meet" in visitor.get(LIST).content.decode()
        assert visitor.get("/en/mous/").status_code == 500


def test_public_pages_say_how_long_caches_may_keep_them(client):
    event = EventFactory()
    listed = fetch(client, LIST)[0]
    assert set(listed["Cache-Control"].split(", ")) == {
        "public",
        "max-age=0",
        "s-maxage=5",
        "stale-while-revalidate=60",
    }
    own = fetch(client, event.get_absolute_url())[0]
    assert set(own["Cache-Control"].split(", ")) == {
        "public",
        "max-age=0",
        "s-maxage=0",
        "must-revalidate",
    }
    assert listed["ETag"].startswith('"') and not listed["ETag"].startswith("W/")


def test_a_conditional_request_for_an_unchanged_page_gets_304(client, committed):
    event = EventFactory(title_en="Pune engineering meet")
    first = fetch(client, event.get_absolute_url())[0]
    again, queries = fetch(client, event.get_absolute_url(), if_none_match=first["ETag"])
    assert again.status_code == 304 and queries == 0 and not again.content
    since = fetch(client, event.get_absolute_url(), if_modified_since=first["Last-Modified"])[0]
    assert since.status_code == 304
    with committed():
        event.title_en = "Pune engineering meet, 2nd edition"
        event.save()
    changed = fetch(client, event.get_absolute_url(), if_none_match=first["ETag"])[0]
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "2nd edition" in changed.content.decode()
    old = http_date(time.time() - 3600)
    assert fetch(client, event.get_absolute_url(), if_modified_since=old)[0].status_code == 200


def test_logged_in_officials_are_not_served_from_the_cache_and_their_pages_are_private(
    admin_client,
):
    EventFactory()
    assert fetch(admin_client, LIST)[1] > 1
    response, queries = fetch(admin_client, LIST)
    assert queries > 1
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_the_contact_page_is_not_cached(client):
    # Its form carries a CSRF token tied to the visitor's own cookie.
    first = client.get("/en/contact/")
    client.cookies.clear()
    second = client.get("/en/contact/")
    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_nothing_is_cached_when_the_setting_is_0(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    EventFactory()
    fetch(client, LIST)
    assert fetch(client, LIST)[1] > 1


def replica_two_seconds_behind(get_response):
    """As portal.db_router marks a request it reads from the read replica."""

    def middleware(request):
        request.read_lag = 2
        return get_response(request)

    return middleware


def test_a_page_read_from_a_replica_is_kept_only_once_the_replica_has_caught_up(
    client, committed, later, settings
):
    cache_at = settings.MIDDLEWARE.index("portal.page_cache.PublicPageCacheMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: cache_at + 1],
        f"{__name__}.replica_two_seconds_behind",
        *settings.MIDDLEWARE[cache_at + 1 :],
    ]
    event = EventFactory()
    with committed():
        event.title_en = "Pune engineering meet, 2nd edition"
        event.save()
    # A second after the change, the replica may not have replayed it yet.
    later(1)
    fetch(client, event.get_absolute_url())
    assert fetch(client, event.get_absolute_url())[1] > 0
    # Rendered over two seconds after it: kept.
    later(3)
    fetch(client, event.get_absolute_url())
    assert fetch(client, event.get_absolute_url())[1] == 0


def test_a_page_another_process_rendered_again_replaces_this_ones_old_copy(
    client, committed, later
):
    event = EventFactory(title_en="Pune engineering meet")
    fetch(client, event.get_absolute_url())
    key = page_key(event.get_absolute_url())
    before = page_cache.memory.get(key)
    assert "Pune engineering meet" in before.content.decode()
    with committed():
        event.title_en = "Pune engineering meet, 2nd edition"
        event.save()
    later(1)
    fetch(client, event.get_absolute_url())  # rendered again, as by another process
    page_cache.memory.put(key, before)  # while this process still has the old copy
    response, queries = fetch(client, event.get_absolute_url())
    assert queries == 0 and "2nd edition" in response.content.decode()


class Body:
    def __init__(self, megabytes):
        self.size = int(megabytes * 1024 * 1024)

    def __len__(self):
        return self.size


def test_a_process_keeps_the_pages_it_answered_last_within_its_memory_budget(settings):
    settings.PUBLIC_PAGE_MEMORY_MB = 1
    memory = page_cache.Memory()
    memory.put("home", Body(0.4))
    memory.put("list", Body(0.4))
    memory.get("home")  # answered again: now the last dropped
    memory.put("event", Body(0.4))
    memory.put("too big", Body(2))
    assert memory.get("list") is None and memory.get("too big") is None
    assert memory.get("home") is not None and memory.get("event") is not None
