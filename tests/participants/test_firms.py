"""Firm profiles: a participant claims a record of the directory by its Udyam
number or IEC, or enters a firm that officials verify; the first is the
owner, who approves colleagues; another firm's memberships stay out of reach."""

import io

import pytest
from django import forms as django_forms
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from access.roles import DATA_ENTRY
from orgs.models import Organisation
from participants import firms
from participants.models import FirmMembership
from portal.page_cache import CONTENT, tag_version
from public.views.firm import written
from tests import factories
from tests.conftest import official
from tests.participants.helpers import participant

pytestmark = pytest.mark.django_db

Role, Status = FirmMembership.Role, FirmMembership.Status


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def logged_in(client, email, lang):
    user = participant(email, lang)
    client.force_login(user)
    return user


def msme(**fields):
    return factories.OrganisationFactory(kind=Organisation.Kind.MSME, **fields)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_the_firm_pages_are_for_logged_in_participants(client):
    response = client.get("/mr/account/firm/claim/")
    assert response.status_code == 302
    assert response.url.startswith("/mr/account/login/?next=/mr/account/firm/claim/")
    # Staff have no public account: nothing here for them.
    client.force_login(official("clerk", DATA_ENTRY))
    assert client.get("/mr/account/firm/").status_code == 404


def test_claim_by_udyam_number_in_marathi_with_devanagari_digits(client):
    firm = msme(udyam_number="UDYAM-MH-26-0012345")
    user = logged_in(client, "meera@kolhapur-spices.example", "mr")
    page = client.get("/mr/account/firm/")
    assert "तुमच्या फर्मच्या नोंदीवर दावा करा" in page.content.decode()

    response = client.post(
        "/mr/account/firm/claim/", {"number": " udyam-mh-२६-००१२३४५ "}, follow=True
    )
    assert response.redirect_chain == [("/mr/account/firm/", 302)]
    membership = FirmMembership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.status) == (
        firm,
        Role.OWNER,
        Status.APPROVED,
    )
    assert messages_of(response) == ["पोर्टलवरील तुमच्या फर्मच्या नोंदीचे मालक आता तुम्ही आहात."]
    assert "फर्मचे प्रोफाइल संपादित करा" in response.content.decode()


def test_claim_by_iec(client):
    firm = msme(iec="AABCK1234M")
    user = logged_in(client, "ravi@nashik-valves.example", "en")
    client.post("/en/account/firm/claim/", {"number": "aabck1234m"})
    assert FirmMembership.objects.get(user=user).organisation == firm


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("UDYAM-MH-26-12345", "Enter a Udyam registration number in the form UDYAM-MH-26-0012345."),
        ("AB12", "Enter an Importer-Exporter Code of exactly 10 capital letters and digits."),
        ("UDYAM-MH-26-7654321", "No organisation of the directory has this number."),
    ],
)
def test_a_bad_or_unknown_number_is_refused_and_nothing_written(client, number, message):
    msme(udyam_number="UDYAM-MH-26-0012345")
    logged_in(client, "ravi@nashik-valves.example", "en")
    response = client.post("/en/account/firm/claim/", {"number": number})
    assert response.status_code == 200
    assert message in response.context["form"].errors["number"][0]
    assert not FirmMembership.objects.exists()


def test_a_number_already_owned_is_refused_in_hindi(client):
    firm = msme(udyam_number="UDYAM-MH-26-0012345")
    FirmMembership.objects.create(
        user=participant("owner@example.in"), organisation=firm, role=Role.OWNER,
        status=Status.APPROVED,
    )  # fmt: skip
    logged_in(client, "sunil@example.in", "hi")
    response = client.post("/hi/account/firm/claim/", {"number": "UDYAM-MH-26-0012345"})
    assert response.context["form"].errors["number"] == [
        "इस फ़र्म का पोर्टल पर पहले से एक स्वामी है। इसके बजाय इससे जुड़ने का अनुरोध करें: "
        "इसका स्वामी सहकर्मियों को स्वीकृति देता है।"
    ]
    assert FirmMembership.objects.count() == 1


def test_create_an_unverified_indian_firm_left_out_of_the_public_directory(client):
    district = factories.DistrictFactory()
    user = logged_in(client, "meera@kolhapur-spices.example", "mr")
    response = client.post(
        "/mr/account/firm/new/",
        {
            "name": "कोल्हापूर मसाले",
            "kind": "msme",
            "region": district.pk,
            "udyam_number": "UDYAM-MH-26-0099999",
            "iec": "",
        },
    )
    assert response.status_code == 302
    firm = Organisation.objects.get(udyam_number="UDYAM-MH-26-0099999")
    assert (firm.name_mr, firm.kind, firm.country_id, firm.verified) == (
        "कोल्हापूर मसाले",
        "msme",
        "IN",
        False,
    )
    assert FirmMembership.objects.get(user=user).role == Role.OWNER
    assert client.get(f"/mr/organisations/{firm.slug}/").status_code == 404
    assert "कोल्हापूर मसाले" not in client.get("/mr/organisations/").content.decode()


def test_a_new_firm_needs_a_number_and_one_of_its_own(client):
    msme(udyam_number="UDYAM-MH-26-0012345")
    district = factories.DistrictFactory()
    logged_in(client, "ravi@nashik-valves.example", "en")
    data = {"name": "Nashik Valves", "kind": "other", "region": district.pk, "iec": ""}
    response = client.post("/en/account/firm/new/", data | {"udyam_number": ""})
    assert response.context["form"].non_field_errors() == [
        "Enter the firm's Udyam registration number, its IEC, or both."
    ]
    response = client.post("/en/account/firm/new/", data | {"udyam_number": "UDYAM-MH-26-0012345"})
    assert response.context["form"].non_field_errors() == [
        "Another organisation already has this Udyam registration number."
    ]
    assert Organisation.objects.count() == 1
    assert not FirmMembership.objects.exists()


def test_a_buyer_from_iran_enters_its_organisation_in_persian(client):
    user = logged_in(client, "reza@tehran-trading.example", "fa")
    page = client.get("/fa/account/firm/new-buyer/").content.decode()
    assert "سازمان خود را وارد کنید (خریدار خارجی)" in page
    response = client.post(
        "/fa/account/firm/new-buyer/", {"name": "بازرگانی تهران", "country": "IR"}, follow=True
    )
    firm = FirmMembership.objects.get(user=user, role=Role.OWNER).organisation
    assert (firm.name_fa, firm.kind, firm.country_id, firm.verified) == (
        "بازرگانی تهران",
        Organisation.Kind.FOREIGN_BUYER,
        "IR",
        False,
    )
    assert "یک مقام رسمی آن را تأیید خواهد کرد" in messages_of(response)[0]
    # India is not a foreign buyer's country.
    client.force_login(participant("amir@example.ir", "fa"))
    response = client.post("/fa/account/firm/new-buyer/", {"name": "x", "country": "IN"})
    assert "country" in response.context["form"].errors


def test_the_owner_edits_the_profile(client):
    firm = msme(udyam_number="UDYAM-MH-26-0012345")
    sector = factories.SectorFactory()
    user = logged_in(client, "meera@kolhapur-spices.example", "mr")
    FirmMembership.objects.create(
        user=user, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    page = client.get("/mr/account/firm/profile/").content.decode()
    assert "मराठी" in page  # the languages named in the page's language
    response = client.post(
        "/mr/account/firm/profile/",
        {
            "sectors": [sector.pk],
            "target_markets": ["AE", "IR"],
            "offers": "हळद, मिरची पावडर",
            "seeks": "आखाती देशांतील घाऊक खरेदीदार",
            "languages": ["mr", "en"],
            "logo": png(),
        },
    )
    assert response.status_code == 302
    firm.refresh_from_db()
    assert list(firm.sectors.all()) == [sector]
    assert {c.code for c in firm.target_markets.all()} == {"AE", "IR"}
    assert (firm.offers, firm.languages) == ("हळद, मिरची पावडर", ["mr", "en"])
    assert firm.logo.name.startswith("logos/")


def test_a_logo_that_is_no_picture_is_refused(client):
    firm = msme()
    user = logged_in(client, "meera@kolhapur-spices.example", "en")
    FirmMembership.objects.create(
        user=user, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post("/en/account/firm/profile/", {"offers": "x", "logo": fake})
    assert "logo" in response.context["form"].errors
    firm.refresh_from_db()
    assert (firm.offers, firm.logo.name) == ("", "")


def test_a_colleague_asks_to_join_and_the_owner_approves(client):
    firm = msme(udyam_number="UDYAM-MH-26-0012345")
    owner = participant("meera@kolhapur-spices.example", "mr")
    FirmMembership.objects.create(
        user=owner, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    colleague = logged_in(client, "anil@kolhapur-spices.example", "mr")
    response = client.post("/mr/account/firm/join/", {"number": "UDYAM-MH-26-0012345"}, follow=True)
    asked = FirmMembership.objects.get(user=colleague)
    assert (asked.role, asked.status) == (Role.MEMBER, Status.PENDING)
    assert "मालकाने अजून उत्तर दिलेले नाही" in response.content.decode()
    # A member is no owner: neither the profile nor the colleagues are theirs.
    assert client.get("/mr/account/firm/colleagues/").status_code == 404
    assert client.get("/mr/account/firm/profile/").status_code == 404

    client.force_login(owner)
    page = client.get("/mr/account/firm/colleagues/").content.decode()
    assert "anil@kolhapur-spices.example" in page
    response = client.post(f"/mr/account/firm/colleagues/{asked.pk}/approve/", follow=True)
    assert messages_of(response) == ["anil@kolhapur-spices.example आता पोर्टलवर सहकारी आहेत."]
    asked.refresh_from_db()
    assert asked.status == Status.APPROVED


def test_the_owner_refuses_a_request(client):
    firm = msme(iec="AABCK1234M")
    owner = logged_in(client, "meera@kolhapur-spices.example", "en")
    FirmMembership.objects.create(
        user=owner, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    asked = FirmMembership.objects.create(user=participant("x@example.in"), organisation=firm)
    client.post(f"/en/account/firm/colleagues/{asked.pk}/refuse/")
    assert not FirmMembership.objects.filter(pk=asked.pk).exists()


def test_the_owner_hands_the_firm_over_and_a_colleague_is_removed(client):
    firm = msme(iec="AABCK1234M")
    owner = logged_in(client, "meera@kolhapur-spices.example", "hi")
    mine = FirmMembership.objects.create(
        user=owner, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    anil, ravi = (
        FirmMembership.objects.create(
            user=participant(email), organisation=firm, status=Status.APPROVED
        )
        for email in ("anil@kolhapur-spices.example", "ravi@kolhapur-spices.example")
    )
    response = client.post(f"/hi/account/firm/colleagues/{ravi.pk}/remove/", follow=True)
    assert messages_of(response) == ["ravi@kolhapur-spices.example अब फ़र्म की ओर से काम नहीं करते।"]
    assert not FirmMembership.objects.filter(pk=ravi.pk).exists()
    client.post(f"/hi/account/firm/colleagues/{anil.pk}/hand-over/")
    mine.refresh_from_db()
    anil.refresh_from_db()
    assert (mine.role, anil.role) == (Role.MEMBER, Role.OWNER)
    # No longer the owner: the colleagues page is not theirs.
    assert client.get("/hi/account/firm/colleagues/").status_code == 404


def test_joining_a_firm_without_an_owner_is_refused(client):
    msme(iec="AABCK1234M")
    logged_in(client, "ravi@nashik-valves.example", "en")
    response = client.post("/en/account/firm/join/", {"number": "AABCK1234M"})
    assert response.context["form"].errors["number"] == [
        "This firm has no owner on the portal yet: claim it instead."
    ]
    assert not FirmMembership.objects.exists()


def test_another_firms_memberships_are_out_of_reach(client):
    firm, other = msme(iec="AABCK1234M"), msme(iec="BBBCK1234M")
    FirmMembership.objects.create(
        user=participant("anita@a.example"), organisation=firm, role=Role.OWNER,
        status=Status.APPROVED,
    )  # fmt: skip
    asked = FirmMembership.objects.create(user=participant("asks@a.example"), organisation=firm)
    intruder = logged_in(client, "bharat@b.example", "en")
    FirmMembership.objects.create(
        user=intruder, organisation=other, role=Role.OWNER, status=Status.APPROVED
    )
    assert "asks@a.example" not in client.get("/en/account/firm/colleagues/").content.decode()
    for answer in ("approve", "refuse", "remove", "hand-over"):
        response = client.post(f"/en/account/firm/colleagues/{asked.pk}/{answer}/")
        assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.status == Status.PENDING
    # Answers are posted, never fetched by a link.
    assert client.get(f"/en/account/firm/colleagues/{asked.pk}/approve/").status_code == 405


def test_the_colleagues_list_takes_the_same_queries_for_many_rows(
    client, django_assert_max_num_queries
):
    firm = msme()
    owner = logged_in(client, "meera@kolhapur-spices.example", "en")
    FirmMembership.objects.create(
        user=owner, organisation=firm, role=Role.OWNER, status=Status.APPROVED
    )
    for n in range(30):
        FirmMembership.objects.create(user=participant(f"c{n}@example.in"), organisation=firm)
    with django_assert_max_num_queries(8):
        response = client.get("/en/account/firm/colleagues/")
    assert response.content.decode().count("/approve/") == 30


def test_an_official_verifies_the_firm_in_the_back_office(client):
    firm = msme(name_en="Kolhapur Spices", verified=False)
    FirmMembership.objects.create(
        user=participant("meera@kolhapur-spices.example"), organisation=firm, role=Role.OWNER,
        status=Status.APPROVED,
    )  # fmt: skip
    assert Group.objects.filter(name=DATA_ENTRY).exists()
    client.force_login(official("clerk", DATA_ENTRY))
    listed = client.get("/admin/orgs/organisation/?verified__exact=0").content.decode()
    assert "Kolhapur Spices" in listed
    page = client.get(f"/admin/orgs/organisation/{firm.pk}/change/").content.decode()
    assert "meera@kolhapur-spices.example" in page
    response = client.post(
        "/admin/orgs/organisation/",
        {"action": "verify", "_selected_action": [firm.pk]},
        follow=True,
    )
    assert "1 organisation verified." in response.content.decode()
    firm.refresh_from_db()
    assert firm.verified
    assert client.get(f"/en/organisations/{firm.slug}/").status_code == 200


def test_an_unverified_firm_is_on_no_public_page_the_api_or_the_sitemap(client):
    hidden = msme(name_en="Unverified Spices", verified=False)
    shown = msme(name_en="Verified Valves")
    assert client.get(f"/api/organisations/{hidden.slug}/").status_code == 404
    listed = client.get("/api/organisations/").content.decode()
    assert "Verified Valves" in listed
    assert "Unverified Spices" not in listed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/organisations/{shown.slug}/" in sitemap
    assert f"/organisations/{hidden.slug}/" not in sitemap


def test_a_request_sent_at_the_same_moment_as_another_is_refused_with_a_reason():
    """Both passed the form's checks; the one that writes second is told why."""
    firm = msme(udyam_number="UDYAM-MH-26-0012345")
    owner, latecomer = participant("owner@example.com", "mr"), participant("late@example.com", "mr")
    firms.claim(owner, firm)
    request = RequestFactory().post("/mr/account/firm/claim/")

    class Form(django_forms.Form):
        number = django_forms.CharField()

    with translation.override("mr"):
        # Another participant claimed the firm first.
        request.user, form = latecomer, Form({"number": "UDYAM-MH-26-0012345"})
        assert form.is_valid() and not written(request, form, "number", firms.claim, firm)
        assert form.errors["number"] == ["या फर्मचा पोर्टलवर आधीच एक मालक आहे."]
        # The owner's second click: they act for the firm already.
        request.user, form = owner, Form({"number": "UDYAM-MH-26-0012345"})
        assert form.is_valid() and not written(request, form, "number", firms.ask_to_join, firm)
        assert form.non_field_errors() == ["तुम्ही आधीच पोर्टलवर एका फर्मसाठी काम करता."]
    assert FirmMembership.objects.count() == 1


def test_the_profile_shows_on_the_firms_public_page(client):
    firm = msme(
        verified=True,
        offers="हळद, लाल मिरची पावडर",
        seeks="آخر خریداران عمده",
        languages=["mr", "fa"],
    )
    firm.target_markets.set(["AE", "IR"])
    page = client.get(f"/hi{firm.get_absolute_url()[3:]}").content.decode()
    assert "क्या प्रदान करती है" in page and "हळद, लाल मिरची पावडर" in page
    assert "آخر خریداران عمده" in page
    assert "ईरान" in page  # Iran, named in Hindi
    assert "मराठी" in page and "फ़ारसी" in page


def test_an_unverified_firm_leaves_the_page_cache_alone_until_verified(
    settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60

    def lists_changed(change):
        before = tag_version(CONTENT)
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return tag_version(CONTENT) > before

    firm = msme(verified=False)

    def edit_unverified():
        firm.offers = "Turmeric"
        firm.save()
        firm.target_markets.set(["AE"])

    assert not lists_changed(edit_unverified)

    def verify(verified):
        stored = Organisation.objects.get(pk=firm.pk)
        stored.verified = verified
        stored.save()

    assert lists_changed(lambda: verify(True))
    # Unverified again: the pages that showed it must move on too.
    assert lists_changed(lambda: verify(False))
