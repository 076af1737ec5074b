"""Taking part in a meet, in Chromium, from sign-up to a place freed.

A Marathi MSME owner signs up, verifies the address from the mail's link,
claims the firm by its Udyam number, fills in its target markets and
registers as a seller for the Nashik sample meet; a buyer from Iran signs up
and registers in Persian; an official approves both in the back-office in
Hindi, and each gets the approval mail in their language; a third firm is
put on the waiting list once the buyers' place is taken, and is offered it
when the Persian buyer cancels.

The live server answers from a thread of this process, so the mails the
worker (run at once in the tests) sends are in Django's outbox here.
"""

from django.core import mail

from access.roles import PUBLISHER
from events.models import Event
from orgs.models import Organisation
from participants.models import Registration, RegistrationSettings
from tests.browser.test_approvals import log_in, official
from tests.participants.helpers import PASSWORD, link, member

NASHIK = "sample-engineering-buyer-seller-meet-nashik"
MARATHI_OWNER = "meera@nashik-tools.example"
PERSIAN_BUYER = "reza@tabriz-trading.example"
THIRD_BUYER = "omar@gulf-traders.example"


def sign_up(page, site, lang, email):
    """Sign up on the `lang` pages and open the verification mail's link."""
    page.goto(f"{site}/{lang}/account/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_load_state()
    [verification] = [message for message in mail.outbox if message.to == [email]]
    page.goto(link(verification, f"/{lang}/account/confirm-email/"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return verification


def register(page, site, lang, kind_label, answers, screenshot=None):
    """Register the participant's firm for the Nashik meet from its event page."""
    page.goto(f"{site}/{lang}/events/{NASHIK}/")
    # The panel's "Register" arrives with the places left, read by a script.
    page.locator(".registration-panel a[href*='/account/meets/register/']").click()
    page.get_by_label(kind_label, exact=True).check()
    # (label, None) checks the radio button of that label; else a list's choice.
    for label, value in answers:
        if value is None:
            page.get_by_label(label, exact=True).check()
        else:
            page.get_by_label(label).select_option(label=value)
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)
    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_load_state()


def test_exporters_and_buyers_register_and_the_organiser_approves(site, browser, screenshots):
    meet = RegistrationSettings.objects.get(event__slug=NASHIK)
    meet.buyer_places = 1
    meet.save()
    Organisation.objects.create(
        name_en="Nashik Precision Tools",
        name_mr="नाशिक प्रिसिजन टूल्स",
        kind=Organisation.Kind.MSME,
        country_id="IN",
        udyam_number="UDYAM-MH-20-0004321",
    )

    # The Marathi MSME owner.
    owner = browser.new_context(viewport={"width": 390, "height": 844})
    page = owner.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    verification = sign_up(page, site, "mr", MARATHI_OWNER)
    assert verification.subject == "तुमच्या ई-मेल पत्त्याची पडताळणी करा"
    page.goto(f"{site}/mr/account/firm/claim/")
    page.get_by_label("उद्यम नोंदणी क्रमांक किंवा IEC").fill("UDYAM-MH-२०-०००४३२१")
    page.get_by_role("button", name="फर्मवर दावा करा").click()
    page.wait_for_load_state()
    # Opened by its address: goto waits for the page's scripts, which turn the
    # typed HS codes into a search.
    assert page.get_by_role("link", name="फर्मचे प्रोफाइल संपादित करा").is_visible()
    page.goto(f"{site}/mr/account/firm/profile/")
    # HS headings by a Marathi word and by Devanagari digits (8466: machine-tool parts).
    assert not errors, errors
    search = page.get_by_label("उत्पादने आणि सेवा (HS कोड)")
    search.fill("८४६६")
    page.locator("[data-hs-results] button[data-code='8466']").click()
    search.fill("8207")
    page.locator("[data-hs-results] button[data-code='8207']").click()
    page.get_by_label("लक्ष्य बाजारपेठा").select_option(["AE", "IR", "DE"])
    page.get_by_label("तुमची फर्म काय देते").fill("सीएनसी मशीन केलेले भाग, अचूक साधने")
    page.get_by_role("button", name="प्रोफाइल जतन करा").click()
    page.wait_for_load_state()
    firm = Organisation.objects.get(udyam_number="UDYAM-MH-20-0004321")
    assert sorted(hs.code for hs in firm.hs_codes.all()) == ["8207", "8466"]
    assert {country.code for country in firm.target_markets.all()} == {"AE", "DE", "IR"}
    register(
        page,
        site,
        "mr",
        "विक्रेता (निर्यातदार)",
        [("निर्यात उलाढालीचा गट", "₹1–10 कोटी"), ("होय", None)],
        screenshot=screenshots / "meet-1-register-mr.png",
    )
    assert "प्राप्त" in page.locator("main").inner_text()
    page.screenshot(path=screenshots / "meet-2-my-meets-mr.png", full_page=True)

    # The buyer from Iran, in Persian.
    buyer = browser.new_context(viewport={"width": 1280, "height": 900})
    page = buyer.new_page()
    sign_up(page, site, "fa", PERSIAN_BUYER)
    page.goto(f"{site}/fa/account/firm/new-buyer/")
    page.get_by_label("نام").fill("بازرگانی تبریز")
    page.get_by_label("کشور").select_option("IR")
    page.locator("form.feedback-form button[type=submit]").click()
    page.wait_for_load_state()
    register(
        page,
        site,
        "fa",
        "خریدار",
        [("نه", None)],
        screenshot=screenshots / "meet-3-register-fa.png",
    )
    assert "دریافت‌شده" in page.locator("main").inner_text()

    registrations = Registration.objects.filter(event__slug=NASHIK)
    assert sorted(registrations.values_list("kind", "status")) == [
        ("buyer", "received"),
        ("seller", "received"),
    ]
    assert Event.objects.get(slug=NASHIK).status == Event.Status.PUBLISHED

    # The organiser, a publisher of MSSIDC, approves both in Hindi.
    publisher = log_in(browser.new_context(), site, official("anjali", PUBLISHER), "hi")
    publisher.goto(f"{site}/admin/participants/registration/")
    listing = publisher.locator("#result_list")
    assert listing.get_by_text("प्राप्त").count() == 2
    publisher.locator("#action-toggle").check()
    publisher.locator("select[name=action]").select_option(label="चुने गए पंजीकरण स्वीकृत करें")
    publisher.screenshot(path=screenshots / "meet-4-approve-hi.png", full_page=True)
    publisher.locator("button[name=index]").click()
    publisher.wait_for_load_state()
    assert sorted(registrations.values_list("status", flat=True)) == ["approved", "approved"]
    approvals = {
        message.to[0]: message.subject
        for message in mail.outbox
        if "मंजूर" in message.subject or "تأیید" in message.subject
    }
    assert approvals[MARATHI_OWNER].startswith("नोंदणी मंजूर: ")
    assert approvals[PERSIAN_BUYER].startswith("ثبت‌نام تأیید شد: ")
    publisher.screenshot(path=screenshots / "meet-5-approved-hi.png", full_page=True)

    # A third firm finds the buyers' place taken.
    third = browser.new_context()
    page = third.new_page()
    member(
        THIRD_BUYER,
        Organisation.objects.create(
            name_en="Gulf Traders", kind=Organisation.Kind.FOREIGN_BUYER, country_id="AE"
        ),
    )
    page.goto(f"{site}/en/account/login/")
    page.locator("#id_login").fill(THIRD_BUYER)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    register(page, site, "en", "Buyer", [("No", None)])
    assert "On the waiting list" in page.locator("main").inner_text()

    # The Persian buyer cancels: the place is offered to the third, who takes it up.
    page = buyer.pages[0]
    page.goto(f"{site}/fa/account/meets/")
    page.get_by_role("button", name="لغو ثبت‌نام").click()
    page.wait_for_load_state()
    third_registration = Registration.objects.get(user__email=THIRD_BUYER)
    assert third_registration.status == "offered"
    [offer] = [m for m in mail.outbox if m.to == [THIRD_BUYER] and "place is free" in m.subject]
    assert "/en/account/meets/" in offer.body
    page = third.pages[0]
    page.goto(f"{site}/en/account/meets/")
    page.get_by_role("button", name="Take up the place").click()
    page.wait_for_load_state()
    third_registration.refresh_from_db()
    assert third_registration.status == "received"
    page.screenshot(path=screenshots / "meet-6-offer-taken-en.png", full_page=True)
    held = Registration.objects.filter(event__slug=NASHIK, kind="buyer").holding_places()
    assert held.count() == 1  # never over the buyers' one place
