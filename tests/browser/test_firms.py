"""A Marathi MSME owner, logged in, claims the firm's record by its Udyam
number (typed with Devanagari digits) and fills in its profile, in Chromium."""

from orgs.models import Organisation, Sector
from participants.models import FirmMembership
from tests.participants.helpers import PASSWORD, participant

EMAIL = "meera@kolhapur-spices.example"


def test_a_marathi_msme_owner_claims_the_firm_and_edits_its_profile(site, page, screenshots):
    firm = Organisation.objects.create(
        name_en="Kolhapur Spice Works",
        name_mr="कोल्हापूर स्पाइस वर्क्स",
        kind=Organisation.Kind.MSME,
        country_id="IN",
        udyam_number="UDYAM-MH-26-0012345",
    )
    participant(EMAIL, "mr")
    page.goto(site + "/mr/account/login/")
    page.locator("#id_login").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="लॉग इन करा").click()
    page.wait_for_load_state()

    page.get_by_role("navigation", name="खाते").get_by_role("link", name="तुमची फर्म").click()
    page.get_by_role(
        "link", name="उद्यम नोंदणी क्रमांक किंवा IEC ने तुमच्या फर्मच्या नोंदीवर दावा करा"
    ).click()
    page.get_by_label("उद्यम नोंदणी क्रमांक किंवा IEC").fill("UDYAM-MH-२६-००१२३४५")
    page.screenshot(path=screenshots / "firm-1-claim-mr.png", full_page=True)
    page.get_by_role("button", name="फर्मवर दावा करा").click()
    page.wait_for_load_state()
    assert "कोल्हापूर स्पाइस वर्क्स" in page.get_by_role("heading", level=2).inner_text()
    assert FirmMembership.objects.get(user__email=EMAIL).organisation == firm

    page.get_by_role("link", name="फर्मचे प्रोफाइल संपादित करा").click()
    sector = Sector.objects.order_by("pk").first()
    page.get_by_label(sector.name_mr or sector.name_en, exact=True).check()
    page.get_by_label("मराठी", exact=True).check()
    page.get_by_label("तुमची फर्म काय देते").fill("हळद, लाल मिरची पावडर, गरम मसाला")
    page.get_by_label("तुमची फर्म काय शोधते").fill("आखाती देशांतील घाऊक खरेदीदार")
    page.get_by_label("लक्ष्य बाजारपेठा").select_option(["AE", "IR"])
    page.screenshot(path=screenshots / "firm-2-profile-mr.png", full_page=True)
    page.get_by_role("button", name="प्रोफाइल जतन करा").click()
    page.wait_for_load_state()
    assert "तुमच्या फर्मचे प्रोफाइल जतन केले." in page.get_by_role("status").inner_text()
    firm.refresh_from_db()
    assert firm.offers == "हळद, लाल मिरची पावडर, गरम मसाला"
    assert firm.languages == ["mr"]
    assert list(firm.sectors.all()) == [sector]
    assert {country.code for country in firm.target_markets.all()} == {"AE", "IR"}
