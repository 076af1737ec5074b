"""The public organisation directory and each organisation's page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from orgs.models import HSCode, Organisation
from tests.factories import (
    DistrictFactory,
    EventFactory,
    EventOrganiserFactory,
    EventRoleFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    PersonFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/en/organisations/"


def slugs(response):
    return {organisation.slug for organisation in response.context["rows"]}


def test_the_directory_lists_every_organisation(client, demo):
    response = client.get(LIST)
    assert response.status_code == 200
    assert response.context["listing"].count == Organisation.objects.count()
    assert "All India Association of Industries" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "export_council"}, {"sepc", "fieo"}),
        ({"kind": "chamber"}, {"arak-chamber-of-commerce"}),
        ({"sector": "gems-and-jewellery"}, {"seepz"}),
        ({"sector": "services"}, {"sepc"}),
        ({"country": "KE"}, {"sample-nairobi-food-importers"}),
        ({"region": "mumbai-suburban"}, {"seepz"}),
        ({"region": "pune"}, {"sample-pune-engineering-works"}),
        ({"kind": "foreign_buyer", "sector": "engineering"}, {"sample-dubai-industrial-supplies"}),
    ],
)
def test_each_filter_narrows_the_directory(client, demo, params, expected):
    assert slugs(client.get(LIST, params)) == expected


def test_a_state_includes_its_districts(client, demo):
    found = slugs(client.get(LIST, {"region": "maharashtra"}))
    # The state itself, and its districts Mumbai City, Mumbai Suburban and Pune.
    assert {"mssidc", "wtc-mumbai", "seepz", "sample-pune-engineering-works"} <= found
    assert "up-msme-export-promotion" not in found
    assert "sepc" not in found  # Delhi


@pytest.mark.parametrize("query", ["पुणे", "Pune", "pune", "PUNE"])
def test_search_finds_pune_in_any_script_and_case(client, demo, query):
    assert "sample-pune-engineering-works" in slugs(client.get(LIST, {"q": query}))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Arabic kaf, Persian kaf: the same word.
        ("اراك", "arak-chamber-of-commerce"),
        ("اراک", "arak-chamber-of-commerce"),
        # Without the zero-width non-joiner, and with it.
        ("شهرکهای صنعتی", "industrial-towns-markazi"),
        ("شهرک‌های صنعتی", "industrial-towns-markazi"),
        # Arabic yeh for Persian yeh.
        ("صنايع", "basij-engineers-markazi"),
    ],
)
def test_search_finds_persian_text_however_it_was_typed(client, demo, query, expected):
    assert expected in slugs(client.get(LIST, {"q": query}))


def test_search_finds_an_acronym_and_words_in_any_order(client, demo):
    assert slugs(client.get(LIST, {"q": "seepz"})) == {"seepz"}
    assert "fieo" in slugs(client.get(LIST, {"q": "export federation"}))


def test_facet_counts_say_how_many_organisations_each_choice_gives(client, demo):
    facets = client.get(LIST).context["listing"].facets
    kinds = {choice.value: choice.count for choice in facets["kind"]}
    assert kinds["export_council"] == 2
    assert kinds["foreign_buyer"] == 2
    states = {choice.value: choice for choice in facets["region"]}
    assert {d.value for d in states["maharashtra"].children} == {
        "pune",
        "mumbai-city",
        "mumbai-suburban",
    }
    maharashtra = Organisation.objects.filter(region__slug="maharashtra").count()
    districts = sum(d.count for d in states["maharashtra"].children)
    assert states["maharashtra"].count == maharashtra + districts
    sectors = {choice.value: choice.count for choice in facets["sector"]}
    assert sectors["food-processing"] == 3
    # A facet keeps the other filters but not its own choice.
    facets = client.get(LIST, {"kind": "msme"}).context["listing"].facets
    assert {c.value: c.count for c in facets["kind"]}["export_council"] == 2
    assert {c.value: c.count for c in facets["sector"]} == {"engineering": 1, "food-processing": 1}
    html = client.get(LIST, {"kind": "msme"}).content.decode()
    assert '<option value="engineering">Engineering (1)</option>' in html


def test_facet_counts_use_the_pages_digits(client, demo):
    html = client.get("/mr/organisations/").content.decode()
    assert "(२)" in html  # two export promotion councils


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"kind": "<script>alert(1)</script>"},
        {"country": "ZZZ", "page": "abc"},
        {"sector": "nothing", "page": "-1"},
        {"q": "x" * 5000},
    ],
)
def test_bad_values_are_named_and_ignored_never_a_server_error(client, demo, params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    ignored = response.context["listing"].ignored
    assert ignored
    assert response.context["listing"].count == Organisation.objects.count()
    for name, value in params.items():
        if name != "q":
            assert any(value in message for message in ignored)
    assert "ignored" in html or "first page" in html


def test_a_page_past_the_end_is_not_found(client, demo):
    assert client.get(LIST, {"page": "2"}).status_code == 200
    assert client.get(LIST, {"page": "999999"}).status_code == 404


def test_an_empty_result_says_so(client, demo):
    html = client.get(LIST, {"q": "no such organisation anywhere"}).content.decode()
    assert "No organisation matches these filters." in html


def test_the_directory_takes_the_same_number_of_queries_for_5_and_50_organisations(client):
    district = DistrictFactory()
    sectors = SectorFactory.create_batch(2)

    def add(n):
        for _ in range(n):
            OrganisationFactory(region=district).sectors.set(sectors)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    add(5)
    with_5 = queries()
    add(45)
    assert queries() == with_5
    # The count and every facet's in one statement, the facets' records, a
    # page and its sectors.
    assert with_5 == 4


def test_an_organisation_page_shows_its_details(client, demo):
    response = client.get("/en/organisations/sepc/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Services Export Promotion Council" in html
    assert "SEPC" in html
    assert "Export promotion council" in html
    assert "Services" in html
    assert "Delhi" in html
    # Its published event, with its role, and the people it sent.
    assert "IGNITE-2026" in html
    assert "Vivek Bakshi" in html


def test_an_organisation_page_in_marathi_uses_marathi_names(client, demo):
    html = client.get("/mr/organisations/sepc/").content.decode()
    assert "सेवा निर्यात प्रोत्साहन परिषद" in html


def test_an_organisation_page_lists_its_mous_with_every_party(client, demo):
    html = client.get("/en/organisations/aiai/").content.decode()
    assert "MoU for ODOP branding and promotion" in html
    assert "World Trade Centre Mumbai" in html
    assert "Office of the Joint Director of Industries, Mumbai" in html


def test_an_organisation_page_shows_its_public_identifiers_and_logo_alt_text(client, settings):
    settings.MEDIA_URL = "/media/"
    organisation = OrganisationFactory(
        name_en="Example Kolhapur Foundry",
        kind=Organisation.Kind.MSME,
        udyam_number="UDYAM-MH-26-0012345",
        iec="AABCE1234F",
        website="https://example.org/",
        logo="logos/foundry.png",
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "UDYAM-MH-26-0012345" in html
    assert "AABCE1234F" in html
    assert 'alt="Logo of Example Kolhapur Foundry"' in html
    assert 'href="https://example.org/"' in html


def test_private_person_contacts_never_appear(client):
    organisation = OrganisationFactory()
    PersonFactory(
        organisation=organisation,
        name_en="Rishu Mishra",
        email="rishu.private@example.org",
        phone="+91 98200 00000",
    )
    event = EventFactory()
    EventOrganiserFactory(event=event, organisation=organisation)
    for url in (organisation.get_absolute_url(), LIST):
        html = client.get(url).content.decode()
        assert "rishu.private@example.org" not in html
        assert "98200" not in html
    assert "Rishu Mishra" in client.get(organisation.get_absolute_url()).content.decode()


def test_drafts_and_their_mous_never_appear_on_an_organisation_page(client):
    organisation = OrganisationFactory()
    draft = EventFactory(title_en="Secret draft meet", status=Event.Status.DRAFT)
    EventOrganiserFactory(event=draft, organisation=organisation)
    MoUPartyFactory(
        organisation=organisation, mou=MoUFactory(title_en="Secret draft MoU", event=draft)
    )
    published = EventFactory(title_en="Open meet")
    EventOrganiserFactory(event=published, organisation=organisation, role="partner")
    MoUPartyFactory(organisation=organisation, mou=MoUFactory(title_en="Standalone MoU"))
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Secret draft" not in html
    assert "Open meet" in html
    assert "Partner" in html
    assert "Standalone MoU" in html


def test_an_unknown_organisation_is_not_found(client):
    assert client.get("/en/organisations/no-such-body/").status_code == 404


def test_an_organisation_page_takes_a_fixed_number_of_queries(client):
    organisation = OrganisationFactory()
    organisation.sectors.set(SectorFactory.create_batch(2))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(organisation.get_absolute_url()).status_code == 200
        return len(captured)

    def add(n):
        for _ in range(n):
            EventOrganiserFactory(organisation=organisation)
            MoUPartyFactory(organisation=organisation, mou=MoUFactory(event=EventFactory()))
            MoUPartyFactory(organisation=organisation)
            PersonFactory(organisation=organisation)
            EventRoleFactory(organisation=organisation)

    add(2)
    organisation.hs_codes.set(HSCode.objects.filter(code__in=["09", "0901"]))
    few = queries()
    add(10)
    organisation.hs_codes.set(HSCode.objects.filter(code__startswith="8")[:40])
    assert queries() == few


@pytest.mark.parametrize(
    ("lang", "chapter"),
    [
        ("en", "Coffee, tea, mate and spices"),
        ("hi", "कॉफ़ी, चाय, माटे और मसाले"),
        ("mr", "कॉफी, चहा, माटे आणि मसाले"),
        ("fa", "قهوه، چای، ماته و ادویه"),
    ],
)
def test_an_organisation_page_names_its_hs_codes(client, lang, chapter):
    organisation = OrganisationFactory()
    organisation.hs_codes.set(HSCode.objects.filter(code__in=["09", "0901"]))
    page = client.get(f"/{lang}/organisations/{organisation.slug}/").content.decode()
    assert f'<span lang="{lang}" dir="auto">{chapter}</span>' in page
    # A heading has an English name only: marked as English on every page.
    assert '<span lang="en" dir="auto">Coffee, whether or not roasted' in page


def test_search_text_follows_the_record(client):
    organisation = OrganisationFactory(name_en="Example Nashik Valves")
    assert "nashik" in organisation.search_text
    organisation.name_fa = "شركت شير نمونه"
    organisation.save(update_fields=["name_fa"])
    organisation.refresh_from_db()
    assert "شرکت" in organisation.search_text  # Arabic kaf folded to Persian
