"""Pages with a participant's e-mail are never cached, nor shown to anyone else."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.participants.helpers import participant

pytestmark = pytest.mark.django_db

EMAIL = "meera@kolhapur-spices.example"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(client):
    client.force_login(participant(EMAIL))
    return client


@pytest.mark.parametrize("anonymous_first", [True, False])
def test_a_participant_and_an_anonymous_visitor_each_see_their_own_header(member, anonymous_first):
    visitor = Client()
    if anonymous_first:
        # The anonymous page, now cached, is not what the participant gets.
        assert EMAIL not in visitor.get("/en/events/").content.decode()
    page = member.get("/en/events/").content.decode()
    assert EMAIL in page
    assert "Log out" in page
    # Nor is the participant's page kept for the next anonymous visitor.
    page = visitor.get("/en/events/").content.decode()
    assert EMAIL not in page
    assert "Sign up" in page


def test_an_anonymous_page_is_still_cached(client):
    first = client.get("/en/events/")
    assert "Log in" in first.content.decode()
    assert client.get("/en/events/").content == first.content
    assert not first.cookies
