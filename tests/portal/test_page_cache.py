"""Public pages come from the cache, and a change shows on them at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.factories import EventFactory, SchemeFactory

pytestmark = pytest.mark.django_db

LIST = "/en/events/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def fetch(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


@pytest.mark.parametrize(
    "url", [LIST, "/hi/", "/fa/stats/", "/en/mous/", "/en/organisations/", "/api/events/"]
)
def test_a_second_anonymous_visit_is_served_from_the_cache(client, url):
    EventFactory(title_en="Pune engineering meet")
    first, _queries = fetch(client, url)
    second, queries = fetch(client, url)
    assert queries <= 1  # the content version
    assert second.content == first.content
    assert second["Content-Language"] == first["Content-Language"]


def test_a_cached_answer_carries_the_headers_of_the_first(client):
    # Kept as the visitor received it: the security headers and language too.
    EventFactory()
    first, _queries = fetch(client, LIST)
    second, queries = fetch(client, LIST)
    assert queries <= 1
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Content-Language",
        "Content-Type",
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


def test_a_change_saved_in_the_admin_shows_at_once(client, admin_client):
    event = EventFactory(title_en="Pune engineering meet")
    assert "Pune engineering meet" in fetch(client, LIST)[0].content.decode()
    assert fetch(client, event.get_absolute_url())[1] > 1

    response = admin_client.post(
        "/admin/events/event/",
        {"action": "unpublish", "_selected_action": [event.pk]},
    )
    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.DRAFT

    assert "Pune engineering meet" not in fetch(client, LIST)[0].content.decode()
    assert client.get(event.get_absolute_url()).status_code == 404


def test_a_change_to_a_related_record_shows_at_once(client):
    event = EventFactory()
    scheme = SchemeFactory(acronym="RAMP")
    assert "RAMP" not in fetch(client, event.get_absolute_url())[0].content.decode()
    event.schemes.add(scheme)
    assert "RAMP" in fetch(client, event.get_absolute_url())[0].content.decode()
    scheme.acronym = "ODOP"
    scheme.save()
    assert "ODOP" in fetch(client, event.get_absolute_url())[0].content.decode()


def test_logged_in_officials_are_not_served_from_the_cache(admin_client):
    EventFactory()
    assert fetch(admin_client, LIST)[1] > 1
    assert fetch(admin_client, LIST)[1] > 1


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
