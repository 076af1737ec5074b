"""The MoU register's facets: the most frequent parties only, counts that
match what a choice shows, and a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.filters import MoUFilter
from events.models import Event, MoU
from events.mou_selectors import mou_listing
from tests.factories import (
    EventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/en/mous/"
TOP_PARTIES = MoUFilter.facet("party").limit


def counts(facet):
    return {choice.value: choice.count for choice in facet}


@pytest.fixture
def busy_parties():
    """TOP_PARTIES + 5 firms, the first with the most MoUs, the last with one."""
    firms = OrganisationFactory.create_batch(TOP_PARTIES + 5)
    partner = OrganisationFactory()
    for rank, firm in enumerate(firms):
        for _ in range(len(firms) - rank):
            MoUPartyFactory(mou=MoUPartyFactory(organisation=partner).mou, organisation=firm)
    return firms, partner


def test_the_party_facet_lists_the_parties_with_the_most_mous(client, busy_parties):
    firms, partner = busy_parties
    response = client.get(LIST)
    parties = response.context["listing"].facets["party"]
    # The partner signed every MoU; then the firms, most MoUs first.
    assert [c.value for c in parties] == [partner.slug] + [f.slug for f in firms[: TOP_PARTIES - 1]]
    assert counts(parties)[firms[0].slug] == len(firms)
    assert "organisation directory" in response.content.decode()


def test_the_selected_party_is_listed_though_it_has_few_mous(client, busy_parties):
    firms, _partner = busy_parties
    least = firms[-1]
    response = client.get(LIST, {"party": least.slug})
    parties = response.context["listing"].facets["party"]
    assert len(parties) == TOP_PARTIES + 1
    (selected,) = [c for c in parties if c.selected]
    assert (selected.value, selected.count) == (least.slug, 1)
    assert f'<option value="{least.slug}" selected>' in response.content.decode()


def test_a_short_party_facet_lists_every_party_and_no_note(client):
    mou = MoUFactory()
    first, second = MoUPartyFactory(mou=mou), MoUPartyFactory(mou=mou)
    response = client.get(LIST)
    parties = response.context["listing"].facets["party"]
    assert counts(parties) == {first.organisation.slug: 1, second.organisation.slug: 1}
    assert "organisation directory" not in response.content.decode()


def test_an_mou_in_a_sector_every_way_counts_once(client):
    leather = SectorFactory(slug="leather")
    meet = EventFactory()
    meet.sectors.set([leather])
    tannery, exporter = OrganisationFactory.create_batch(2)
    tannery.sectors.set([leather])
    exporter.sectors.set([leather])
    # By its event and by both its parties.
    mou = MoUFactory(event=meet)
    MoUPartyFactory(mou=mou, organisation=tannery)
    MoUPartyFactory(mou=mou, organisation=exporter)
    # By one party only, and at no event.
    MoUPartyFactory(mou=MoUFactory(), organisation=tannery)
    facets = client.get(LIST).context["listing"].facets
    assert counts(facets["sector"]) == {"leather": 2}
    assert counts(facets["party"]) == {tannery.slug: 2, exporter.slug: 1}


@pytest.fixture
def register():
    """MoUs over three years and two statuses, in two sectors by either path or
    both, some undated, some at a draft event."""
    leather, food = SectorFactory(slug="leather"), SectorFactory(slug="food")
    meet = EventFactory()
    meet.sectors.set([leather])
    draft = EventFactory(status=Event.Status.DRAFT)
    food_firm, buyer, agency = OrganisationFactory.create_batch(3)
    food_firm.sectors.set([food, leather])
    for i in range(18):
        mou = MoUFactory(
            event=[meet, None, None, draft][i % 4],
            signed_on=datetime.date(2023 + i % 3, 1, 1) if i % 5 else None,
            status=[MoU.Status.SIGNED, MoU.Status.COMPLETED][i % 2],
        )
        for party in [food_firm, buyer] if i % 2 else [buyer, agency]:
            MoUPartyFactory(mou=mou, organisation=party)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"year": "2024"},
        {"status": "completed"},
        {"sector": "food"},
        {"year": "2025", "sector": "leather", "status": "completed"},
    ],
)
def test_each_facet_count_is_what_its_choice_shows(client, register, params):
    facets = client.get(LIST, params).context["listing"].facets
    for name, choices in facets.items():
        assert choices, name
        for choice in choices:
            shown = client.get(LIST, {**params, name: choice.value}).context["listing"].count
            assert choice.count == shown, (name, choice.value)


def queries(**kwargs):
    with CaptureQueriesContext(connection) as captured:
        listing = mou_listing(**kwargs)
        for mou in listing.page.object_list:
            [party.organisation for party in mou.party_links.all()]
    return len(captured)


def test_the_number_of_queries_depends_on_neither_page_size_nor_filters(register):
    every_filter = {"year": "2024", "party": MoU.objects.first().parties.first().slug}
    every_filter |= {"sector": "leather", "status": "signed"}
    assert queries(params={}, page_size=2) == queries(params={}, page_size=50)
    # One more, to look up the records the filters name.
    assert queries(params=every_filter, page_size=50) == queries(params={}, page_size=2) + 1
