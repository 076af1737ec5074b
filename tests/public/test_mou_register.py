"""The public MoU register: filters, facets, parties, and no draft event's MoUs."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, MoU
from orgs.models import Organisation
from tests.factories import (
    EventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/en/mous/"
IGNITE_MOU = "odop-branding-mou-mumbai-2026"


def slugs(response):
    return {mou.slug for mou in response.context["rows"]}


def test_the_register_lists_the_ignite_mou_with_its_parties(client, demo):
    response = client.get(LIST)
    assert response.status_code == 200
    assert slugs(response) == {IGNITE_MOU}
    html = response.content.decode()
    assert "MoU for ODOP branding and promotion" in html
    for party in (
        "Office of the Joint Director of Industries, Mumbai",
        "All India Association of Industries",
        "World Trade Centre Mumbai",
    ):
        assert party in html
    assert 'href="/en/events/ignite-2026-mumbai/"' in html
    assert 'href="/en/organisations/aiai/"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"party": "aiai"}, {IGNITE_MOU}),
        ({"year": "2026"}, {IGNITE_MOU}),
        ({"party": "aiai", "year": "2026"}, {IGNITE_MOU}),
        ({"year": "२०२६"}, {IGNITE_MOU}),  # Devanagari digits
        ({"year": "2025"}, set()),
        ({"party": "fieo"}, set()),
        # Through the event it was signed at.
        ({"sector": "leather-products"}, {IGNITE_MOU}),
        ({"sector": "engineering"}, set()),
        ({"status": "signed"}, {IGNITE_MOU}),
        ({"status": "completed"}, set()),
    ],
)
def test_each_filter_narrows_the_register(client, demo, params, expected):
    assert slugs(client.get(LIST, params)) == expected


def test_the_sector_comes_from_the_event_or_from_a_party(client):
    leather, food = SectorFactory(slug="leather"), SectorFactory(slug="food")
    event = EventFactory()
    event.sectors.set([leather])
    at_event = MoUFactory(title_en="Signed at a leather meet", event=event)
    firm = OrganisationFactory()
    firm.sectors.set([food])
    between_firms = MoUFactory(title_en="Between food firms")
    MoUPartyFactory(mou=between_firms, organisation=firm)
    both = MoUFactory(title_en="Both", event=event)
    MoUPartyFactory(mou=both, organisation=firm)
    assert slugs(client.get(LIST, {"sector": "leather"})) == {at_event.slug, both.slug}
    assert slugs(client.get(LIST, {"sector": "food"})) == {between_firms.slug, both.slug}
    # Counted once each, though "Both" is in the sector twice over.
    facets = client.get(LIST).context["listing"].facets
    assert {c.value: c.count for c in facets["sector"]} == {"leather": 2, "food": 2}


def test_facet_counts(client, demo):
    partner = OrganisationFactory(slug="example-partner")
    office = Organisation.objects.get(slug="joint-director-of-industries-mumbai")
    older = MoUFactory(title_en="Older MoU", signed_on=datetime.date(2024, 5, 1))
    older.status = MoU.Status.COMPLETED
    older.save()
    MoUPartyFactory(mou=older, organisation=partner)
    MoUPartyFactory(mou=older, organisation=office)
    facets = client.get(LIST).context["listing"].facets
    assert [(c.value, c.count) for c in facets["year"]] == [("2026", 1), ("2024", 1)]
    parties = {c.value: c.count for c in facets["party"]}
    assert parties["example-partner"] == 1
    assert parties["aiai"] == 1
    assert parties["joint-director-of-industries-mumbai"] == 2
    assert {c.value: c.count for c in facets["status"]} == {"signed": 1, "completed": 1}
    # A facet keeps the other filters but not its own choice.
    facets = client.get(LIST, {"year": "2024"}).context["listing"].facets
    assert {c.value: c.count for c in facets["year"]} == {"2026": 1, "2024": 1}
    assert {c.value: c.count for c in facets["status"]} == {"completed": 1}
    html = client.get("/mr/mous/").content.decode()
    assert "२०२६ (१)" in html


@pytest.mark.parametrize(
    "params",
    [
        {"year": "last year"},
        {"year": "99999"},
        {"party": "<script>alert(1)</script>"},
        {"sector": "nothing", "page": "abc"},
        {"status": "torn-up"},
    ],
)
def test_bad_values_are_named_and_ignored_never_a_server_error(client, demo, params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    ignored = response.context["listing"].ignored
    for value in params.values():
        assert any(value in message for message in ignored)
    assert slugs(response) == {IGNITE_MOU}


def test_a_page_past_the_end_is_not_found(client, demo):
    assert client.get(LIST, {"page": "1"}).status_code == 200
    assert client.get(LIST, {"page": "2"}).status_code == 404


def test_a_draft_events_mous_are_hidden_and_an_mou_without_event_is_shown(client):
    draft = EventFactory(status=Event.Status.DRAFT)
    hidden = MoUFactory(title_en="Secret MoU at a draft meet", event=draft)
    party = OrganisationFactory()
    MoUPartyFactory(mou=hidden, organisation=party)
    standalone = MoUFactory(title_en="MoU signed at no event")
    shown = MoUFactory(title_en="MoU at a published meet", event=EventFactory())
    response = client.get(LIST)
    assert slugs(response) == {standalone.slug, shown.slug}
    assert "Secret MoU" not in response.content.decode()
    # Not even counted in a facet.
    facets = response.context["listing"].facets
    assert party.slug not in {c.value for c in facets["party"]}
    assert slugs(client.get(LIST, {"party": party.slug})) == set()
    # Once the event is published, its MoU is public.
    draft.status = Event.Status.PUBLISHED
    draft.save()
    assert hidden.slug in slugs(client.get(LIST))


def test_the_register_takes_the_same_number_of_queries_for_5_and_50_mous(client):
    sector = SectorFactory()
    event = EventFactory()
    event.sectors.set([sector])
    firms = OrganisationFactory.create_batch(3)
    for firm in firms:
        firm.sectors.set([sector])

    def add(n):
        for i in range(n):
            mou = MoUFactory(event=event, signed_on=datetime.date(2020 + i % 5, 1, 1))
            for order, firm in enumerate(firms):
                MoUPartyFactory(mou=mou, organisation=firm, order=order)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    add(5)
    with_5 = queries()
    add(45)
    assert queries() == with_5
    # The count and every facet's, stored (events.list_counts), the facets'
    # records, a page and its parties.
    assert with_5 == 4
