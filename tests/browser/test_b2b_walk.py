"""B2B matchmaking at the Nashik sample meet, in Chromium, from request to follow-up.

A buyer from the UAE requests three Maharashtra sellers in English; two
accept, in Marathi and in Hindi, the third declines; the organiser runs the
scheduler; both sides find the meeting with its table and time on their
agenda, in their language, and the agenda's calendar holds it; on the day
the buyer is checked in by the QR code's text at the desk and the meeting
marked held; the follow-up link mailed afterwards records "an order".
"""

import datetime

from django.core import mail

from access.roles import PUBLISHER
from events.models import B2BMeeting, Event
from matchmaking import follow_up, tasks
from matchmaking.models import MatchmakingSettings, MeetingRequest
from orgs.models import Organisation
from participants import registrations
from participants.models import RegistrationSettings
from tests.browser.test_approvals import log_in, official
from tests.participants.helpers import PASSWORD, member

NASHIK = "sample-engineering-buyer-seller-meet-nashik"
BUYER = "khalid@dubai-engineering.example"
SELLERS = {
    "meera@nashik-tools.example": ("Nashik Precision Tools", "mr", "UDYAM-MH-20-0000101"),
    "ravi@pune-castings.example": ("Pune Castings", "hi", "UDYAM-MH-26-0000102"),
    "anil@satara-valves.example": ("Satara Valves", "en", "UDYAM-MH-31-0000103"),
}


def firm(email, name, kind, lang, country="IN", udyam=""):
    event = Event.objects.get(slug=NASHIK)
    organisation = Organisation.objects.create(
        name_en=name,
        kind=Organisation.Kind.FOREIGN_BUYER if kind == "buyer" else Organisation.Kind.MSME,
        country_id=country,
        udyam_number=udyam,
    )
    registrations.register(member(email, organisation, lang), event, organisation, kind)
    return organisation


def logged_in(browser, site, email, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "django_language", "value": lang, "url": site}])
    page = context.new_page()
    page.goto(f"{site}/{lang}/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_a_buyer_meets_two_sellers_from_request_to_order(site, browser, screenshots, monkeypatch):
    RegistrationSettings.objects.filter(event__slug=NASHIK).update(approval_required=False)
    event = Event.objects.get(slug=NASHIK)
    MatchmakingSettings.objects.update_or_create(
        event=event, defaults={"day_starts": datetime.time(10), "day_ends": datetime.time(12)}
    )
    firm(BUYER, "Dubai Engineering Trading", "buyer", "en", country="AE")
    for email, (name, lang, udyam) in SELLERS.items():
        firm(email, name, "seller", lang, udyam=udyam)

    # The buyer requests all three, in English, on a phone.
    page = logged_in(browser, site, BUYER, "en")
    page.goto(f"{site}/en/account/meets/{NASHIK}/b2b/")
    listing = page.locator("#catalogue").locator("xpath=..")
    for name, _lang, _udyam in SELLERS.values():
        card = listing.locator("article.b2b-firm", has_text=name)
        card.locator("summary").click()
        card.get_by_label("Message").fill("CNC parts for our Dubai workshop")
        card.get_by_role("button", name="Send the request").click()
        page.wait_for_load_state()
    assert MeetingRequest.objects.filter(status="pending").count() == 3
    page.screenshot(path=screenshots / "b2b-1-requests-en.png", full_page=True)

    # Two accept, in Marathi and in Hindi; the third declines.
    answers = {
        "meera@nashik-tools.example": ("mr", "स्वीकारा"),
        "ravi@pune-castings.example": ("hi", "स्वीकार करें"),
    }
    for email, (lang, accept) in answers.items():
        seller = logged_in(browser, site, email, lang)
        seller.goto(f"{site}/{lang}/account/meets/{NASHIK}/b2b/requests/")
        seller.get_by_role("button", name=accept, exact=True).click()
        seller.wait_for_load_state()
    declining = logged_in(browser, site, "anil@satara-valves.example", "en")
    declining.goto(f"{site}/en/account/meets/{NASHIK}/b2b/requests/")
    declining.get_by_label("Reason").select_option("no_capacity")
    declining.get_by_role("button", name="Decline").click()
    declining.wait_for_load_state()
    assert sorted(MeetingRequest.objects.values_list("status", flat=True)) == [
        "accepted",
        "accepted",
        "declined",
    ]

    # The organiser runs the scheduler, and tells the firms.
    organiser = log_in(browser.new_context(), site, official("sunita", PUBLISHER), "hi")
    organiser.goto(f"{site}/admin/matchmaking/schedulerrun/schedule/{event.pk}/")
    organiser.locator("#id_time_limit").fill("5")
    # The run is the worker's task: queued by the page, run here as the worker would.
    queued = []
    monkeypatch.setattr(tasks.run_scheduler, "delay", queued.append)
    with organiser.expect_navigation():
        organiser.locator("input[type=submit].default").click()
    assert "कतार में" in organiser.locator("#content-main").inner_text()  # queued
    tasks.run_scheduler(*queued)
    organiser.reload()
    organiser.screenshot(path=screenshots / "b2b-2-run-hi.png", full_page=True)
    meetings = B2BMeeting.objects.filter(event=event, placement__isnull=False)
    assert meetings.count() == 2
    organiser.goto(f"{site}/admin/matchmaking/schedulerrun/schedule/{event.pk}/")
    with organiser.expect_navigation():
        organiser.locator("input[name=notify]").click()

    # Both sides find the meeting on their agenda, in their language.
    page.goto(f"{site}/en/account/meets/{NASHIK}/b2b/agenda/")
    agenda = page.locator("main").inner_text()
    assert "Nashik Precision Tools" in agenda and "Pune Castings" in agenda
    page.screenshot(path=screenshots / "b2b-3-agenda-en.png", full_page=True)
    calendar = page.request.get(page.locator("main input[readonly]").input_value())
    assert calendar.text().count("BEGIN:VEVENT") == 2
    marathi = logged_in(browser, site, "meera@nashik-tools.example", "mr")
    marathi.goto(f"{site}/mr/account/meets/{NASHIK}/b2b/agenda/")
    assert "Dubai Engineering Trading" in marathi.locator("main").inner_text()
    marathi.screenshot(path=screenshots / "b2b-4-agenda-mr.png", full_page=True)

    # On the day: the buyer checked in by the QR code's text; the meeting held.
    code = page.locator("figure.check-in code").inner_text()
    organiser.goto(f"{site}/admin/b2b-desk/{event.pk}/")
    organiser.locator("#check-in-code").fill(code)
    organiser.locator("#check-in-code").press("Enter")
    organiser.wait_for_load_state()
    assert "Dubai Engineering Trading" in organiser.locator(".messagelist").inner_text()
    held = meetings.get(seller__name_en="Nashik Precision Tools")
    organiser.locator(f"tr:has(input[value='{held.pk}'])").get_by_role("button").first.click()
    organiser.wait_for_load_state()
    organiser.screenshot(path=screenshots / "b2b-5-desk-hi.png", full_page=True)
    held.refresh_from_db()
    assert held.status == B2BMeeting.Status.HELD

    # The day after: the follow-up mail's link records an order.
    mail.outbox.clear()
    last_day = event.end_date or event.start_date
    assert follow_up.due(last_day + datetime.timedelta(days=1)) == 1
    [to_buyer] = [message for message in mail.outbox if message.to == [BUYER]]
    link = next(line for line in to_buyer.body.splitlines() if "/b2b/follow-up/" in line)
    page.goto(site + link[link.index("/en/") :])
    page.get_by_label("5", exact=True).check()
    page.get_by_label("An order").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    held.refresh_from_db()
    assert held.outcome == B2BMeeting.Outcome.ORDER
    page.screenshot(path=screenshots / "b2b-6-follow-up-en.png", full_page=True)
