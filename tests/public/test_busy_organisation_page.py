"""An organiser with many events: its page lists the latest, links to the rest, and runs a
fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, EventOrganiser, EventRole
from events.selectors import SHOWN
from tests.factories import (
    EventFactory,
    EventOrganiserFactory,
    EventRoleFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12


def busy(organisation, events):
    """`events` workshops it partners, and as many review meetings its director chairs."""
    director = PersonFactory(organisation=organisation, name_en="Asha Kulkarni")
    for _ in range(events):
        EventOrganiserFactory(
            organisation=organisation,
            event=EventFactory(kind=Event.Kind.WORKSHOP),
            role=EventOrganiser.Role.PARTNER,
        )
        EventRoleFactory(
            organisation=organisation,
            person=director,
            event=EventFactory(kind=Event.Kind.REVIEW_MEETING),
            role=EventRole.Role.PRESIDED,
        )


def page(client, organisation, lang="en"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{lang}{organisation.get_absolute_url()[3:]}")
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_every_event_is_listed_with_its_kind_and_role(client):
    organisation = OrganisationFactory()
    busy(organisation, 3)
    html, _ = page(client, organisation)
    assert html.count("Workshop · <strong>Partner</strong>") == 3
    assert html.count("Review meeting</span>") == 3
    assert html.count("Asha Kulkarni</span>: Presided") == 3
    for event in Event.objects.all():
        assert event.get_absolute_url() in html


def test_a_busy_organiser_shows_its_latest_events_and_links_to_all(client):
    organisation = OrganisationFactory()
    busy(organisation, 3)
    everything = f"?organiser={organisation.slug}&amp;when=all"
    assert everything not in page(client, organisation)[0]
    busy(organisation, SHOWN)
    html, _ = page(client, organisation)
    assert html.count("Workshop · <strong>Partner</strong>") == SHOWN
    assert everything in html


def test_the_labels_are_in_the_pages_language(client):
    organisation = OrganisationFactory()
    busy(organisation, 1)
    html, _ = page(client, organisation, lang="hi")
    assert "कार्यशाला · <strong>साझेदार</strong>" in html
    assert ": अध्यक्षता" in html


def test_the_queries_do_not_grow_with_the_events(client):
    organisation = OrganisationFactory()
    busy(organisation, 2)
    _, few = page(client, organisation)
    busy(organisation, 25)
    _, many = page(client, organisation)
    assert many == few <= QUERY_BUDGET
