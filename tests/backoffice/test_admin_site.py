"""Every page of the back-office answers, in every language, with nothing from a CDN."""

import json
import re
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.urls import reverse

from events.models import B2BMeeting, Event, EventRevision, EventSeries, MoU, Scheme
from matchmaking.models import MatchmakingSettings, MeetingRequest, SchedulerRun
from orgs.models import Country, HSCode, Organisation, Person, Region, Sector
from participants.models import Registration
from portal.models import Feedback, Job, ScheduledReport
from tests import factories

pytestmark = pytest.mark.django_db


def meeting_request():
    event = factories.RegistrationSettingsFactory().event
    buyer, seller = (
        Registration.objects.create(
            event=event,
            organisation=factories.OrganisationFactory(),
            kind=kind,
            status=Registration.Status.APPROVED,
        )
        for kind in (Registration.Kind.BUYER, Registration.Kind.SELLER)
    )
    return MeetingRequest.objects.create(event=event, requester=buyer, recipient=seller)


EXAMPLES = {
    Country: lambda: factories.country("IN"),
    Region: factories.DistrictFactory,
    Sector: factories.SectorFactory,
    # Shipped data, loaded by a migration: looked up, never added.
    HSCode: lambda: HSCode.objects.get(code="0901"),
    Organisation: factories.OrganisationFactory,
    Person: factories.PersonFactory,
    Scheme: factories.SchemeFactory,
    EventSeries: factories.EventSeriesFactory,
    Event: factories.EventFactory,
    MoU: factories.MoUFactory,
    B2BMeeting: factories.B2BMeetingFactory,
    Feedback: factories.FeedbackFactory,
    EventRevision: lambda: EventRevision.objects.create(
        event=factories.EventFactory(),
        proposed_by=User.objects.create_user("proposer"),
        data={"title_en": ["Pune meet, revised"]},
    ),
    Registration: lambda: Registration.objects.create(
        event=factories.RegistrationSettingsFactory().event,
        organisation=factories.OrganisationFactory(),
        kind=Registration.Kind.SELLER,
    ),
    MeetingRequest: meeting_request,
    SchedulerRun: lambda: SchedulerRun.objects.create(
        event=MatchmakingSettings.objects.create(event=factories.EventFactory()).event
    ),
    # Background jobs: made by the Reports page and the imports.
    Job: lambda: Job.objects.create(
        kind="report", user=User.objects.create_user("asker"), title="Events", language="en"
    ),
    ScheduledReport: lambda: ScheduledReport.objects.create(
        name="Monthly outcomes",
        owner=User.objects.create_user("owner"),
        report="outcomes",
        format="xlsx",
        frequency="monthly",
    ),
    # django-axes' records of logins: read-only pages for administrators.
    AccessAttempt: lambda: AccessAttempt.objects.create(
        username="officer", ip_address="10.0.0.1", failures_since_start=2
    ),
    AccessLog: lambda: AccessLog.objects.create(username="officer", ip_address="10.0.0.1"),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(
        username="officer", ip_address="10.0.0.1"
    ),
}

AXES = {AccessAttempt, AccessLog, AccessFailureLog}
# Written by django-axes, by an official's change of a published event, by a
# participant registering or requesting a meeting, by the scheduler, by a
# report or an import (jobs), or shipped (the HS codes).
NO_ADD_PAGE = {*AXES, EventRevision, Registration, HSCode, MeetingRequest, SchedulerRun, Job}


def test_every_registered_model_has_an_example():
    assert set(admin.site._registry) - {
        m for m in admin.site._registry if m._meta.app_label == "auth"
    } == set(EXAMPLES)


@pytest.mark.parametrize("language", ["en", "hi", "mr", "fa"])
@pytest.mark.parametrize("model", list(EXAMPLES), ids=lambda m: m.__name__)
def test_list_add_and_change_pages_answer(admin_client, model, language):
    obj = EXAMPLES[model]()
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    admin_client.cookies["django_language"] = language
    for url in (
        reverse(f"{prefix}_changelist"),
        *([] if model in NO_ADD_PAGE else [reverse(f"{prefix}_add")]),
        reverse(f"{prefix}_change", args=[obj.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def test_the_event_page_loads_nothing_from_outside_the_portal(admin_client):
    html = admin_client.get(reverse("admin:events_event_add")).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    external = [s for s in sources if s.startswith(("http:", "https:", "//"))]
    assert external == []
    # The language tabs need jQuery UI: served from static/, not a CDN.
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in sources
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in sources


def test_the_fonts_for_devanagari_and_persian_are_served_by_the_portal(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "/static/portal/css/fonts.css" in html
    css = Path(finders.find("portal/css/fonts.css")).read_text(encoding="utf-8")
    for font_file in re.findall(r'url\("\.\./\.\./([^"]+)"\)', css):
        assert finders.find(font_file), font_file
    assert "Noto Sans Devanagari" in css and "Vazirmatn" in css


def test_the_back_office_follows_the_officials_language(admin_client):
    admin_client.cookies["django_language"] = "mr"
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert '<html lang="mr"' in html
    # Django's own admin translation, and the portal's language menu.
    assert "बाहेर पडा" in html or "लॉग आउट" in html
    assert "मराठी" in html and "فارسی" in html and "हिंदी" in html


def test_the_language_menu_switches_the_language(admin_client):
    response = admin_client.post(
        reverse("set_language"), {"language": "fa", "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert 'dir="rtl"' in html


@pytest.mark.parametrize(("language", "today"), [("hi", "आज"), ("mr", "आज"), ("fa", "امروز")])
def test_the_calendar_and_clock_widgets_speak_the_officials_language(admin_client, language, today):
    admin_client.cookies["django_language"] = language
    script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    assert f'"Today": {json.dumps(today)}' in script
