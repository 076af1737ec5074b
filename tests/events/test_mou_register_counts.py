"""The unfiltered MoU register's count and facet counts, stored
(events.list_counts): they match what each choice lists, every change to
what they count rewrites them at once (events.summaries), visitors read
them, and no request writes them."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import summaries
from events.list_counts import MOU_REGISTER, StoredList
from events.models import Event, ListCounts, MoU, MoUParty
from tests.factories import (
    EventFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/en/mous/"
TABLE = ListCounts._meta.db_table


def stored():
    return ListCounts.objects.get(name=MOU_REGISTER.name)


def writes(queries):
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def assert_current():
    """The stored row is what counting the public MoUs now gives, whatever the day."""
    row = stored()
    assert (row.day, row.counts) == (None, MOU_REGISTER.counted().counts)


def register_counts(client):
    """The unfiltered register's counts: {facet: {slug: MoUs}} for party and sector."""
    facets = client.get(LIST).context["listing"].facets
    return {name: {c.value: c.count for c in facets[name]} for name in ("party", "sector")}


def listed(client, facet, slug):
    """How many MoUs the register lists with `facet` set to `slug`."""
    return client.get(LIST, {facet: slug}).context["listing"].page.paginator.count


@pytest.fixture
def scene():
    """An event in the leather sector with an MoU between a textile firm and
    a partner, and an MoU signed elsewhere between the firm and a buyer."""
    leather, textiles = SectorFactory(), SectorFactory()
    event = EventFactory()
    event.sectors.add(leather)
    firm, partner, buyer = OrganisationFactory.create_batch(3)
    firm.sectors.add(textiles)
    at_event = MoUFactory(event=event)
    elsewhere = MoUFactory()
    for mou, parties in ((at_event, (firm, partner)), (elsewhere, (firm, buyer))):
        for party in parties:
            MoUPartyFactory(mou=mou, organisation=party)
    return locals()


def test_the_counts_are_what_each_choice_lists(client, scene):
    counts = register_counts(client)
    assert counts == {
        "party": {
            o.slug: n for o, n in ((scene["firm"], 2), (scene["partner"], 1), (scene["buyer"], 1))
        },
        "sector": {scene["leather"].slug: 1, scene["textiles"].slug: 2},
    }
    for facet, choices in counts.items():
        for slug, n in choices.items():
            assert listed(client, facet, slug) == n
    # Served from the stored row: what a rewrite from the records gives.
    assert_current()


def test_each_change_shows_at_once(client, scene):
    firm, leather, textiles = scene["firm"], scene["leather"], scene["textiles"]
    event, elsewhere = scene["event"], scene["elsewhere"]

    new = MoUPartyFactory(organisation=firm).mou
    assert register_counts(client)["party"][firm.slug] == 3

    newcomer = OrganisationFactory()
    link = MoUPartyFactory(mou=elsewhere, organisation=newcomer)
    assert register_counts(client)["party"][newcomer.slug] == 1
    link.delete()
    assert newcomer.slug not in register_counts(client)["party"]

    event.status = Event.Status.DRAFT
    event.save()
    counts = register_counts(client)
    assert scene["partner"].slug not in counts["party"]
    assert leather.slug not in counts["sector"]
    event.status = Event.Status.PUBLISHED
    event.save()
    assert register_counts(client)["sector"][leather.slug] == 1

    event.sectors.add(textiles)  # the firm's sector already: counted once
    assert register_counts(client)["sector"][textiles.slug] == 3
    event.sectors.remove(leather)
    assert leather.slug not in register_counts(client)["sector"]

    leather.organisations.add(firm)  # from the sector's side
    assert register_counts(client)["sector"][leather.slug] == 3

    new.delete()
    counts = register_counts(client)
    assert counts["party"][firm.slug] == 2
    assert counts["sector"][leather.slug] == 2

    elsewhere.status = MoU.Status.COMPLETED
    elsewhere.signed_on = datetime.date(2024, 5, 1)
    elsewhere.save()
    facets = client.get(LIST).context["listing"].facets
    assert {c.value: c.count for c in facets["status"]}[MoU.Status.COMPLETED] == 1
    assert {c.value: c.count for c in facets["year"]}["2024"] == 1
    assert_current()


def test_parties_added_and_taken_off_through_the_mou_are_counted(client, scene):
    firm, buyer, elsewhere = scene["firm"], scene["buyer"], scene["elsewhere"]
    newcomer = OrganisationFactory()
    elsewhere.parties.add(newcomer)
    assert register_counts(client)["party"][newcomer.slug] == 1
    elsewhere.parties.remove(buyer)
    assert buyer.slug not in register_counts(client)["party"]
    elsewhere.parties.clear()
    counts = register_counts(client)
    assert counts["party"][firm.slug] == 1
    assert newcomer.slug not in counts["party"]


def test_an_event_deleted_leaves_its_mous_without_its_sectors(client, scene):
    scene["event"].delete()
    assert scene["leather"].slug not in register_counts(client)["sector"]
    assert register_counts(client)["party"][scene["partner"].slug] == 1


def test_an_edit_of_nothing_counted_rewrites_nothing(scene):
    mou, event, firm = scene["at_event"], scene["event"], scene["firm"]
    with CaptureQueriesContext(connection) as queries:
        mou.title_en = "A new title"
        mou.save()
        event.title_en = "A new title"
        event.save()
        event.sectors.set([scene["leather"]])
        firm.name_en = "A new name"  # labels are read when a page is shown
        firm.save()
        link = MoUParty.objects.get(mou=mou, organisation=firm)
        link.order = 5
        link.save()
    assert not [q for q in queries if TABLE in q["sql"]]


def test_a_batch_rewrites_the_counts_once_at_its_end(client, scene):
    firm, textiles = scene["firm"], scene["textiles"]
    with (
        mock.patch.object(
            StoredList, "counted", autospec=True, side_effect=StoredList.counted
        ) as counted,
        summaries.batch(),
    ):
        for _ in range(3):
            MoUPartyFactory(organisation=firm)
        scene["event"].sectors.add(textiles)
        scene["elsewhere"].delete()
        assert counted.call_count == 0
    assert [call.args[0].name for call in counted.call_args_list].count(MOU_REGISTER.name) == 1
    counts = register_counts(client)
    assert counts["party"][firm.slug] == 4
    assert counts["sector"][textiles.slug] == 4


def test_a_rebuild_counts_what_was_written_without_signals(client, scene):
    firm = scene["firm"]
    mous = MoU.objects.bulk_create([MoUFactory.build(slug=f"bulk-{i}") for i in range(2)])
    MoUParty.objects.bulk_create([MoUParty(mou=mou, organisation=firm) for mou in mous])
    assert register_counts(client)["party"][firm.slug] == 2
    summaries.rebuild()
    assert register_counts(client)["party"][firm.slug] == 4
    assert_current()


def test_an_mou_saved_in_the_admin_with_its_parties_is_counted_once(admin_client, client):
    from tests.admin_forms import mou_form

    firms = OrganisationFactory.create_batch(4)
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.post("/admin/events/mou/add/", mou_form(firms))
    assert response.status_code == 302
    # The page's five records (the MoU and its parties) rewrite the counts once.
    rewrites = [q for q in captured if q["sql"].startswith(f'DELETE FROM "{TABLE}"')]
    assert len(rewrites) == 1
    assert register_counts(client)["party"] == {firm.slug: 1 for firm in firms}


def test_visitors_read_the_stored_counts_and_write_nothing(client, scene):
    row = stored()
    row.counts = {**row.counts, "total": 99}
    row.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).context["listing"].count == 99  # read, not counted
    assert not writes(queries)
    # A filtered register counts for itself.
    assert client.get(LIST, {"status": MoU.Status.SIGNED}).context["listing"].count == 2


def test_without_its_row_the_register_counts_live_and_stores_nothing(client, scene):
    ListCounts.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        assert register_counts(client)["party"][scene["firm"].slug] == 2
    assert [q for q in queries if "facet_rows" in q["sql"]]  # counted
    assert not writes(queries)
    assert not ListCounts.objects.exists()


def test_the_register_counts_hold_whatever_the_day(client, scene):
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    with (
        mock.patch("django.utils.timezone.localdate", return_value=next_year),
        CaptureQueriesContext(connection) as queries,
    ):
        assert register_counts(client)["party"][scene["firm"].slug] == 2
    assert not [q for q in queries if "facet_rows" in q["sql"]]  # read, not counted
