"""New event from a report, in Chromium (issue 19): an official of MSSIDC pastes
the Marathi report of the Pune meet and saves the draft with its figures and
its valedictory chief guest; an official of the Markazi Basij engineers pastes
the Persian report of the Arak conference, whose dates stay empty."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

import events.intake
from access.models import Membership
from access.roles import DATA_ENTRY
from events.models import Event, Qualifier, Session
from orgs.models import Organisation

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase"
# The seeds, as the reader's development set keeps them.
DEVSET = Path(events.intake.__file__).parent / "devset"


def seed(number):
    return next(DEVSET.glob(f"seed_{number}_*.txt")).read_text()


def official(username, organisation):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=DATA_ENTRY))
    Membership.objects.create(user=user, organisation=Organisation.objects.get(slug=organisation))
    return user


def log_in(context, site, user, lang):
    context.add_cookies([{"name": "django_language", "value": lang, "url": site}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site + "/admin/login/?next=/admin/events/event/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    return page, errors


def read_and_keep_all(page, site, text, screenshots, name):
    """From the event list: the report pasted, its proposal, then the add form filled in."""
    with page.expect_navigation():
        page.locator("a[href$='/admin/events/event/from-report/']").click()
    page.fill("#id_text", text)
    page.screenshot(path=screenshots / f"intake-{name}-1-report.png", full_page=True)
    with page.expect_navigation():
        page.locator("input[name=_read]").click()
    errors = page.locator(".errorlist").all_inner_texts()
    assert page.locator(".intake-text mark").count() > 0, errors
    page.screenshot(path=screenshots / f"intake-{name}-2-proposal.png", full_page=True)
    with page.expect_navigation():
        page.locator(".intake .submit-row input[type=submit]").click()
    page.screenshot(path=screenshots / f"intake-{name}-3-add-form.png", full_page=True)


def save(page, screenshots, name):
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()
    page.screenshot(path=screenshots / f"intake-{name}-4-saved.png", full_page=True)
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


def test_an_official_saves_the_pune_meet_from_its_marathi_report(site, browser, screenshots):
    clerk = official("mssidc-clerk", "mssidc")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, errors = log_in(context, site, clerk, "mr")
    before = set(Event.objects.values_list("pk", flat=True))

    read_and_keep_all(page, site, seed("000"), screenshots, "000-mr")
    assert Event.objects.count() == len(before)  # nothing written yet
    save(page, screenshots, "000-mr")

    event = Event.objects.exclude(pk__in=before).get()
    assert event.status == Event.Status.DRAFT
    assert event.source_report.replace("\r\n", "\n") == seed("000").strip()
    figures = {
        name: (getattr(event, name), getattr(event, f"{name}_qualifier")) for name in Event.FIGURES
    }
    assert figures["msmes"] == (300, Qualifier.AT_LEAST)
    assert figures["foreign_buyers"] == (41, Qualifier.EXACT)
    assert figures["buyer_countries"] == (16, Qualifier.EXACT)
    assert figures["b2b_meetings"] == (500, Qualifier.AT_LEAST)
    assert figures["mous"] == (32, Qualifier.EXACT)
    chief_guest = event.roles.select_related("person", "session").get(role="chief_guest")
    assert chief_guest.person.name_en == "Narendra Jeena"
    assert chief_guest.session.kind == Session.Kind.VALEDICTORY
    assert not errors
    context.close()


def test_an_official_saves_the_arak_conference_from_its_persian_report(site, browser, screenshots):
    clerk = official("basij-clerk", "basij-engineers-markazi")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, errors = log_in(context, site, clerk, "fa")
    before = set(Event.objects.values_list("pk", flat=True))

    read_and_keep_all(page, site, seed("004"), screenshots, "004-fa")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.input_value("#id_start_date") == "" and page.input_value("#id_end_date") == ""
    save(page, screenshots, "004-fa")

    event = Event.objects.exclude(pk__in=before).get()
    assert (event.start_date, event.end_date) == (None, None)
    assert event.country_id == "IR"
    assert set(event.target_countries.values_list("pk", flat=True)) == {"IQ", "AF", "UZ", "AM"}
    assert event.source_language == "fa"
    assert not errors
    context.close()
