"""A firm's products and services by HS code: typed in the profile (or
picked with the search, hs-codes.js) and checked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orgs.models import HSCode, Organisation
from participants.models import FirmMembership
from tests import factories
from tests.participants.helpers import participant

pytestmark = pytest.mark.django_db

PROFILE = "/{lang}/account/firm/profile/"
SEARCH = "/{lang}/account/firm/hs-codes/"


@pytest.fixture
def firm():
    return factories.OrganisationFactory(kind=Organisation.Kind.MSME, name_en="Kolhapur Spices")


def owner_of(client, firm, lang="en"):
    user = participant("meera@kolhapur-spices.example", lang)
    FirmMembership.objects.create(
        user=user,
        organisation=firm,
        role=FirmMembership.Role.OWNER,
        status=FirmMembership.Status.APPROVED,
    )
    client.force_login(user)


def codes(firm):
    return sorted(hs.code for hs in firm.hs_codes.all())


def test_the_owner_types_codes_in_any_script(client, firm):
    owner_of(client, firm, "mr")
    # Devanagari digits, a subheading, a Persian comma, a tariff line of a code given before.
    response = client.post(
        PROFILE.format(lang="mr"), {"hs_codes": "0901, ५२०८; 09،0910.11 09011190"}
    )
    assert response.status_code == 302
    assert codes(firm) == ["09", "0901", "0910", "5208"]

    page = client.get(PROFILE.format(lang="mr")).content.decode()
    assert 'value="09, 0901, 0910, 5208"' in page
    # The chosen codes are named below the box: a chapter in Marathi.
    assert "कॉफी, चहा, माटे आणि मसाले" in page
    assert "Woven fabrics of cotton" in page
    assert "portal/js/hs-codes.js" in page

    # Emptied, the firm names none.
    client.post(PROFILE.format(lang="mr"), {"hs_codes": ""})
    assert codes(firm) == []


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("mr", "0901, 9801", "“9801” हे HS प्रकरण किंवा शीर्ष नाही."),
        ("fa", "۰۹۰۱ قهوه", "«قهوه» فصل یا سرفصل HS نیست."),
        ("hi", "123", "“123” कोई HS अध्याय या शीर्ष नहीं है।"),
        ("en", "0901 77", "“77” is not an HS chapter or heading."),
    ],
)
def test_an_unknown_code_is_named_in_the_error(client, firm, lang, typed, message):
    owner_of(client, firm, lang)
    response = client.post(PROFILE.format(lang=lang), {"hs_codes": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    # What was typed comes back to be corrected; nothing is saved.
    assert response.context["form"]["hs_codes"].value() == typed
    assert codes(firm) == []


def test_the_good_codes_of_a_refused_text_are_still_named(client, firm):
    owner_of(client, firm, "mr")
    response = client.post(PROFILE.format(lang="mr"), {"hs_codes": "९८०१, ०९"})
    chosen = response.context["form"]["hs_codes"].subwidgets[0].data["chosen"]
    assert [hs.code for hs in chosen] == ["09"]
    assert "कॉफी, चहा, माटे आणि मसाले" in response.content.decode()


def test_too_many_codes_are_refused(client, firm):
    owner_of(client, firm)
    typed = ", ".join(HSCode.objects.values_list("code", flat=True)[:101])
    response = client.post(PROFILE.format(lang="en"), {"hs_codes": typed})
    assert "Choose at most 100 HS codes." in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "query", "code", "name"),
    [
        ("en", "coffee", "0901", "Coffee, whether or not roasted"),
        ("hi", "कॉफ़ी", "09", "कॉफ़ी, चाय, माटे और मसाले"),
        ("mr", "कापूस", "52", "कापूस"),
        ("fa", "پنبه", "52", "پنبه"),
        ("fa", "۵۲۰۸", "5208", "Woven fabrics of cotton"),
    ],
)
def test_the_search_answers_in_the_page_language(client, firm, lang, query, code, name):
    owner_of(client, firm, lang)
    answer = client.get(SEARCH.format(lang=lang), {"q": query}).json()
    result = next(hs for hs in answer["results"] if hs["code"] == code)
    assert result["name"].startswith(name)
    # A heading without a name in the language is named in English, and says so.
    assert result["lang"] == (lang if len(code) == 2 else "en")


def test_the_search_is_for_logged_in_participants(client):
    response = client.get(SEARCH.format(lang="en"), {"q": "coffee"})
    assert response.status_code == 302


def test_the_profile_and_the_search_take_the_same_queries_for_few_and_many_codes(client, firm):
    owner_of(client, firm)

    def queries(url, params=None):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured)

    firm.hs_codes.set(HSCode.objects.filter(code__in=["0901", "0902"]))
    few = queries(PROFILE.format(lang="en"))
    firm.hs_codes.set(HSCode.objects.filter(code__startswith="8")[:60])
    assert queries(PROFILE.format(lang="en")) == few
    assert queries(SEARCH.format(lang="en"), {"q": "0901"}) == queries(
        SEARCH.format(lang="en"), {"q": "8"}
    )
