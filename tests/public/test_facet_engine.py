"""One facet engine serves every list: the event list, the MoU register and
the organisation directory are counted and labelled by the same code
(portal.facet_counts, portal.facets), stored counts included, and a facet
declared on a list's FilterSet shows on its page with no other code."""

import datetime

import django_filters
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import events.list_counts
import portal.listing
from events.filters import EventFilter, MoUFilter
from events.models import Event, MoU
from orgs.filters import OrganisationFilter
from orgs.models import Organisation
from portal import facet_counts, facets
from portal.facets import Facet, Records
from portal.filtering import RecordFilter
from tests.factories import (
    EventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    """Two upcoming meets, one online; an MoU at each, and one at no event;
    a unit of a corporation."""
    online = EventFactory(title_en="Online meet", format=Event.Format.ONLINE)
    in_person = EventFactory(title_en="Pune meet")
    for event in (online, in_person, None):
        mou = MoUFactory(event=event, signed_on=datetime.date(2025, 1, 1))
        MoUPartyFactory.create_batch(2, mou=mou)
    corporation = OrganisationFactory(slug="corporation")
    OrganisationFactory(parent=corporation)
    return online, in_person


def test_every_list_is_counted_and_labelled_by_the_same_engine(client, scene, monkeypatch):
    assert events.list_counts.count is portal.listing.count is facet_counts.count
    counted, labelled = [], []

    def count(filterset):
        counted.append(filterset)
        return facet_counts.count(filterset)

    def facet_choices(filterset, counts):
        labelled.append(filterset)
        return facets.facet_choices(filterset, counts)

    monkeypatch.setattr(portal.listing, "count", count)
    monkeypatch.setattr(portal.listing, "facet_choices", facet_choices)
    for page, params in [
        ("/en/events/", {"kind": "workshop"}),
        ("/en/mous/", {"status": "signed"}),
        ("/en/organisations/", {}),
        # Stored counts, read: labelled all the same.
        ("/en/events/", {}),
        ("/en/mous/", {}),
    ]:
        assert client.get(page, params).status_code == 200
    lists = [EventFilter, MoUFilter, OrganisationFilter]
    assert [type(filterset) for filterset in counted] == lists
    assert [type(filterset) for filterset in labelled] == [*lists, EventFilter, MoUFilter]


def add_facet(monkeypatch, filterset_class, name, filter_, facet):
    filter_.field_name = filter_.field_name or name
    monkeypatch.setitem(filterset_class.base_filters, name, filter_)
    monkeypatch.setattr(filterset_class, "facets", (*filterset_class.facets, facet))


def options(html, name):
    select = html[html.index(f'<select id="filter-{name}" name="{name}">') :]
    return select[: select.index("</select>")]


def test_a_facet_declared_on_the_event_filter_shows_on_the_list(client, scene, monkeypatch):
    add_facet(
        monkeypatch,
        EventFilter,
        "format",
        django_filters.ChoiceFilter(label="Format", choices=Event.Format.choices),
        Facet("format"),
    )
    # The stored counts were of other facets: the list as it opens counts again.
    html = client.get("/en/events/").content.decode()
    assert '<option value="online">Online (1)</option>' in options(html, "format")
    assert '<option value="in_person">In person (1)</option>' in options(html, "format")
    # After the other facets, as declared.
    assert html.index('id="filter-organiser"') < html.index('id="filter-format"')
    response = client.get("/en/events/", {"format": "online"})
    assert [e.slug for e in response.context["rows"]] == [scene[0].slug]
    assert '<option value="online" selected>Online (1)</option>' in response.content.decode()


def test_a_facet_declared_on_the_mou_filter_shows_on_the_register(client, scene, monkeypatch):
    online, in_person = scene
    add_facet(
        monkeypatch,
        MoUFilter,
        "event",
        RecordFilter(
            label="Event", to_field_name="slug", queryset=Event.objects.all(), field_name="event"
        ),
        Facet("event", labels=Records(name="title")),
    )
    html = client.get("/en/mous/").content.decode()
    for event in (online, in_person):
        assert f'<option value="{event.slug}">{event.title_en} (1)</option>' in options(
            html, "event"
        )
    response = client.get("/en/mous/", {"event": online.slug})
    assert response.context["listing"].count == 1
    assert MoU.objects.filter(event=online).get() in response.context["rows"]


def test_a_facet_declared_on_the_directory_shows_on_it(client, scene, monkeypatch):
    add_facet(
        monkeypatch,
        OrganisationFilter,
        "parent",
        RecordFilter(
            label="Part of",
            to_field_name="slug",
            queryset=Organisation.objects.all(),
            field_name="parent",
        ),
        Facet("parent"),
    )
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/organisations/").content.decode()
    corporation = Organisation.objects.get(slug="corporation")
    assert f'<option value="corporation">{corporation.name_en} (1)</option>' in options(
        html, "parent"
    )
    # Still the count and every facet's in one statement, and their records in one more.
    assert len(queries) == 4
