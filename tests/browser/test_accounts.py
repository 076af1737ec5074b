"""An exporter's account in Chromium: a Marathi visitor signs up, opens the
link of the verification mail, and is logged in; the Persian sign-up page
as axe-core reads it.

The live server answers from a thread of this process, so the mail the
worker (run at once in the tests) sends is in Django's outbox here.
"""

from django.core import mail

from tests.browser.test_public_pages import check_page
from tests.participants.helpers import PASSWORD, link

EMAIL = "sunita@satara-textiles.example"


def test_a_marathi_visitor_signs_up_and_verifies_the_address(site, page, screenshots):
    page.goto(site + "/mr/account/signup/")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.screenshot(path=screenshots / "account-1-signup-mr.png", full_page=True)
    page.get_by_role("button", name="साइन अप करा").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "तुमचा ई-मेल पाहा"

    [verification] = [message for message in mail.outbox if message.to == [EMAIL]]
    assert verification.subject == "तुमच्या ई-मेल पत्त्याची पडताळणी करा"
    page.goto(link(verification, "/mr/account/confirm-email/"))
    page.get_by_role("button", name="होय, पडताळणी करा").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "तुमचे खाते"
    account = page.get_by_role("navigation", name="खाते")
    assert EMAIL in account.inner_text()
    assert account.get_by_role("button", name="लॉग आउट करा").is_visible()
    page.screenshot(path=screenshots / "account-2-verified-mr.png", full_page=True)


def test_the_persian_sign_up_page_is_accessible(site, page, axe):
    problems = check_page(page, axe, site + "/fa/account/signup/", "fa-signup", "fa")
    assert not problems, "\n".join(problems)
