"""Every kind of public page is valid HTML in every language, as the W3C's
Nu HTML checker (vnu-jar, from the npm registry, run with Java) reads it.

The pages are rendered with the demo data and checked in one run of the
checker. Without Java or the checker the test is skipped and says why;
under CI (CI=true) that is a failure.
"""

import datetime
import json
import os
import shutil
import subprocess

import pytest
from django.conf import settings
from django.db.models import F

from events.models import Event
from orgs.models import Organisation
from participants.models import FirmMembership
from tests.participants.helpers import participant

pytestmark = pytest.mark.django_db

VNU = (
    settings.BASE_DIR
    / "tests"
    / "browser"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)
IN_CI = os.environ.get("CI", "").lower() in {"true", "1"}
LANGUAGES = ["en", "hi", "mr", "fa"]
PAGES = {
    "home": "/{lang}/",
    "event list": "/{lang}/events/?when=all",
    "event list, a filter": "/{lang}/events/?when=all&region=maharashtra",
    # Dates in both calendars: Persian pages' text inputs, the others' date inputs.
    "event list, dates": "/{lang}/events/?date_from=2025-11-01&date_to=۱۴۰۴-۰۸-۳۰",
    "event": "/{lang}/events/international-buyer-seller-meet-pune-2025/",
    "event, dates to be announced": "/{lang}/events/markazi-investment-export-conference/",
    # Marked rescheduled and hybrid in the test (the demo meets go ahead as announced).
    "event, rescheduled": "/{lang}/events/up-msme-review-meeting-lucknow-2024/",
    "event list, a status": "/{lang}/events/?when=all&schedule=rescheduled",
    "event series": "/{lang}/series/international-buyer-seller-meet-pune/",
    "directory": "/{lang}/organisations/",
    "organisation": "/{lang}/organisations/mssidc/",
    "MoU register": "/{lang}/mous/",
    "statistics": "/{lang}/stats/",
    "contact": "/{lang}/contact/",
    "accessibility": "/{lang}/accessibility/",
    "log in": "/{lang}/account/login/",
    "sign up": "/{lang}/account/signup/",
}


def checker():
    java = shutil.which("java")
    reason = None
    if not java:
        reason = "no Java (Debian's default-jre-headless)"
    elif not VNU.exists():
        reason = "no Nu HTML checker (npm ci --prefix tests/browser)"
    if reason:
        if IN_CI:
            pytest.fail(f"the HTML check cannot run: {reason}", pytrace=False)
        pytest.skip(f"HTML check skipped: {reason}")
    return [java, "-jar", str(VNU)]


def test_every_public_page_is_valid_html_in_every_language(client, demo, tmp_path):
    command = checker()
    Event.objects.filter(slug="up-msme-review-meeting-lucknow-2024").update(
        schedule=Event.Schedule.RESCHEDULED,
        previous_start_date=F("start_date") - datetime.timedelta(days=7),
        format=Event.Format.HYBRID,
        online_url="https://meet.example.org/lucknow-review",
    )
    files = {}
    for address in PAGES.values():
        for lang in LANGUAGES:
            render(client, address.format(lang=lang), tmp_path, files)
    assert_valid(command, files)


# A participant's firm pages: before they have a firm, then as its owner
# with a colleague waiting for an answer.
FIRM_PAGES = [
    "/{lang}/account/firm/",
    "/{lang}/account/firm/claim/",
    "/{lang}/account/firm/join/",
    "/{lang}/account/firm/new/",
    "/{lang}/account/firm/new-buyer/",
]
OWNER_PAGES = [
    "/{lang}/account/firm/",
    "/{lang}/account/firm/profile/",
    "/{lang}/account/firm/colleagues/",
]


def test_the_firm_pages_are_valid_html_in_every_language(client, tmp_path):
    command = checker()
    firm = Organisation.objects.create(
        name_en="Kolhapur Spices", kind=Organisation.Kind.MSME, country_id="IN", verified=False
    )
    firm.hs_codes.set(["09", "0901"])  # the profile names its chosen codes
    owner = participant("meera@kolhapur-spices.example")
    FirmMembership.objects.create(organisation=firm, user=participant("anil@example.in"))
    files = {}
    client.force_login(owner)
    for lang in LANGUAGES:
        for address in FIRM_PAGES:
            render(client, address.format(lang=lang), tmp_path, files)
    FirmMembership.objects.create(organisation=firm, user=owner, role="owner", status="approved")
    for lang in LANGUAGES:
        for address in OWNER_PAGES:
            render(client, address.format(lang=lang), tmp_path, files)
    assert_valid(command, files)


def render(client, url, tmp_path, files):
    """The page at `url`, written to a file for the checker."""
    response = client.get(url)
    assert response.status_code == 200, url
    path = tmp_path / f"{len(files)}.html"
    path.write_bytes(response.content)
    files[str(path)] = url


def assert_valid(command, files):
    """One run of the checker over `files`; its errors, by page, fail the test."""
    run = subprocess.run(
        [*command, "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
