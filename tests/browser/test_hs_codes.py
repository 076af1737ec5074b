"""A Persian buyer, on a phone, names the firm's products by HS code: the
search finds them by a Persian word or by digits, the chosen codes are
listed, each removable, and the profile saves them; the page as axe-core
reads it."""

from orgs.models import Organisation
from participants.models import FirmMembership
from tests.browser.test_public_pages import axe_check
from tests.participants.helpers import PASSWORD, participant

EMAIL = "amir@tehran-saffron.example"
LABEL = "کالاها و خدمات (کدهای HS)"


def test_a_persian_buyer_picks_hs_codes_on_a_phone(site, page, axe, screenshots):
    firm = Organisation.objects.create(
        name_en="Tehran Saffron Traders", kind=Organisation.Kind.FOREIGN_BUYER, country_id="IR"
    )
    firm.hs_codes.set(["5208"])
    FirmMembership.objects.create(
        user=participant(EMAIL, "fa"),
        organisation=firm,
        role=FirmMembership.Role.OWNER,
        status=FirmMembership.Status.APPROVED,
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site + "/fa/account/login/")
    page.locator("#id_login").fill(EMAIL)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(site + "/fa/account/firm/profile/")

    # The typed codes give way to the search, which the field's label now names.
    assert page.locator("#id_hs_codes").is_hidden()
    search = page.get_by_label(LABEL)
    assert search.get_attribute("type") == "search"
    chosen = page.locator("[data-hs-chosen] li")
    assert chosen.all_inner_texts()[0].startswith("5208")

    search.fill("قهوه")
    page.locator("[data-hs-results] button[data-code='0901']").click()
    assert "0901" in page.get_by_role("status").inner_text()
    search.fill("۰۹")  # Persian digits: the chapter and its headings
    chapter = page.locator("[data-hs-results] button[data-code='09']")
    assert "قهوه، چای، ماته و ادویه" in chapter.inner_text()
    assert page.locator("[data-hs-results] button[data-code='0901']").is_disabled()
    chapter.click()
    page.get_by_role("button", name="حذف 5208").click()
    assert [text.split()[0] for text in chosen.all_inner_texts()] == ["0901", "09"]
    page.screenshot(path=screenshots / "firm-3-hs-codes-fa.png", full_page=True)
    problems = axe_check(page, axe, "fa-firm-profile")
    assert not problems, "\n".join(problems)

    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert sorted(hs.code for hs in firm.hs_codes.all()) == ["09", "0901"]
