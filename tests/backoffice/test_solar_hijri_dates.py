"""On Persian pages the back-office takes, shows and offers dates in the
Solar Hijri calendar and stores them Gregorian; in the other languages its
dates are Django's own, Gregorian only."""

import datetime
import json
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.urls import reverse

from events.models import Event, MoU
from tests.admin_forms import event_form, form_errors, inline_rows, mou_form
from tests.backoffice.test_admin_languages import admin_pages
from tests.factories import (
    B2BMeetingFactory,
    EventFactory,
    EventOrganiserFactory,
    MoUFactory,
    OrganisationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

EVENT_ADD = reverse("admin:events_event_add")
KOLKATA = ZoneInfo("Asia/Kolkata")


@pytest.fixture
def persian(admin_client):
    admin_client.cookies["django_language"] = "fa"
    return admin_client


def organiser():
    return inline_rows(
        "organiser_links",
        [{"organisation": OrganisationFactory().pk, "role": "organiser", "order": 0}],
    )


def event_change(event):
    return reverse("admin:events_event_change", args=[event.pk])


class FormAsPosted(HTMLParser):
    """What the browser would post of a page's form: its fields as the page shows them."""

    def __init__(self):
        super().__init__()
        self.data, self.select, self.textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name and "__prefix__" not in name:
            self.select = name
        elif tag == "option" and self.select and "selected" in a:
            self.data.append((self.select, a.get("value", "")))
        elif tag == "textarea" and name and "__prefix__" not in name:
            self.textarea = name
            self.data.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            name, text = self.data[-1]
            self.data[-1] = (name, text + data.removeprefix("\n") if not text else text + data)


def as_posted(html):
    parser = FormAsPosted()
    parser.feed(html)
    posted = {}
    for name, value in parser.data:
        posted.setdefault(name, []).append(value)
    return posted


def shown(html, name):
    """The value the page's input `name` shows."""
    return as_posted(html)[name][0]


def test_an_event_typed_in_solar_hijri_dates_is_stored_gregorian_and_shown_as_typed(persian):
    organiser = OrganisationFactory()
    response = persian.post(
        EVENT_ADD,
        event_form(
            title_fa="نمایشگاه صادراتی نوروز",
            start_date="۱۴۰۵-۰۱-۰۱",  # Nowruz 1405
            end_date="1405/1/2",  # Latin digits, slashes
            registration_deadline="۱۴۰۴-۱۲-۲۹",  # the last day of Esfand 1404
            **inline_rows(
                "organiser_links", [{"organisation": organiser.pk, "role": "organiser", "order": 0}]
            ),
            **inline_rows(
                "sessions",
                [
                    {
                        "kind": "inaugural",
                        "title_fa": "آیین گشایش",
                        "starts_at_0": "۱۴۰۵-۰۱-۰۱",
                        "starts_at_1": "۱۰:۳۰",
                        "order": 0,
                    }
                ],
            ),
            **inline_rows(
                "agreements",
                [{"title_fa": "تفاهم‌نامهٔ صادرات", "signed_on": "۱۴۰۵-۰۱-۰۲", "status": "signed"}],
            ),
        ),
    )
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert (event.start_date, event.end_date, event.registration_deadline) == (
        datetime.date(2026, 3, 21),
        datetime.date(2026, 3, 22),
        datetime.date(2026, 3, 20),
    )
    assert event.sessions.get().starts_at == datetime.datetime(2026, 3, 21, 10, 30, tzinfo=KOLKATA)
    assert event.agreements.get().signed_on == datetime.date(2026, 3, 22)

    # Opened again: the dates as typed, in the Solar Hijri calendar, Persian digits.
    html = persian.get(event_change(event)).content.decode()
    assert shown(html, "start_date") == "۱۴۰۵-۰۱-۰۱"
    assert shown(html, "end_date") == "۱۴۰۵-۰۱-۰۲"
    assert shown(html, "registration_deadline") == "۱۴۰۴-۱۲-۲۹"
    assert shown(html, "sessions-0-starts_at_0") == "۱۴۰۵-۰۱-۰۱"
    assert shown(html, "sessions-0-starts_at_1") == "10:30:00"
    assert shown(html, "agreements-0-signed_on") == "۱۴۰۵-۰۱-۰۲"


def test_a_persian_form_opened_and_saved_changes_nothing(persian):
    event = EventFactory(
        title_fa="همایش فرصت‌های سرمایه‌گذاری",
        start_date=datetime.date(2025, 3, 20),  # 30 Esfand 1403, a leap year's last day
        end_date=datetime.date(2025, 3, 21),  # Nowruz 1404
        registration_deadline=datetime.date(2024, 2, 29),
    )
    EventOrganiserFactory(event=event)
    SessionFactory(
        event=event,
        starts_at=datetime.datetime(2025, 3, 20, 23, 30, tzinfo=KOLKATA),
        ends_at=datetime.datetime(2025, 3, 21, 0, 30, tzinfo=KOLKATA),
    )
    MoUFactory(event=event, signed_on=datetime.date(2025, 3, 21))
    url = event_change(event)
    html = persian.get(url).content.decode()
    assert shown(html, "start_date") == "۱۴۰۳-۱۲-۳۰"
    assert shown(html, "registration_deadline") == "۱۴۰۲-۱۲-۱۰"
    assert shown(html, "sessions-0-ends_at_0") == "۱۴۰۴-۰۱-۰۱"

    response = persian.post(url, {**as_posted(html), "_save": ""})
    assert response.status_code == 302, form_errors(response)
    saved = Event.objects.get()
    assert (saved.start_date, saved.end_date, saved.registration_deadline) == (
        event.start_date,
        event.end_date,
        event.registration_deadline,
    )
    session = saved.sessions.get()
    assert (session.starts_at, session.ends_at) == (
        datetime.datetime(2025, 3, 20, 23, 30, tzinfo=KOLKATA),
        datetime.datetime(2025, 3, 21, 0, 30, tzinfo=KOLKATA),
    )
    assert saved.agreements.get().signed_on == datetime.date(2025, 3, 21)
    # The admin's own record of the save: no field changed, on the event or its parts.
    entry = LogEntry.objects.filter(object_id=str(event.pk)).latest("action_time")
    assert json.loads(entry.change_message) == []


@pytest.mark.parametrize("typed", ["2026-03-21", "۲۰۲۶-۰۳-۲۱", "2026/3/21"])
def test_a_gregorian_date_still_works_on_a_persian_page(persian, typed):
    response = persian.post(
        EVENT_ADD,
        event_form(
            title_fa="کارگاه صادرات",
            start_date=typed,
            **organiser(),
        ),
    )
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().start_date == datetime.date(2026, 3, 21)


def test_a_day_that_does_not_exist_is_refused_in_persian(persian):
    response = persian.post(
        EVENT_ADD,
        event_form(
            title_fa="کارگاه صادرات",
            start_date="۱۴۰۴-۱۲-۳۰",  # Esfand 1404 has 29 days
            **organiser(),
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["start_date"] == ["یک تاریخ معتبر وارد کنید."]
    # The typed value is shown again, to be corrected.
    assert shown(response.content.decode(), "start_date") == "1404-12-30"
    assert Event.objects.count() == 0


def test_an_mou_and_a_meeting_take_solar_hijri_dates(persian):
    parties = OrganisationFactory.create_batch(2)
    response = persian.post(
        reverse("admin:events_mou_add"),
        mou_form(parties, title_en="", title_fa="تفاهم‌نامهٔ برندسازی", signed_on="۱۴۰۴-۰۸-۱۵"),
    )
    assert response.status_code == 302, form_errors(response)
    assert MoU.objects.get().signed_on == datetime.date(2025, 11, 6)

    meeting = B2BMeetingFactory(
        event=EventFactory(
            start_date=datetime.date(2026, 3, 20), end_date=datetime.date(2026, 3, 23)
        ),
        starts_at=datetime.datetime(2026, 3, 21, 11, 0, tzinfo=KOLKATA),
    )
    url = reverse("admin:events_b2bmeeting_change", args=[meeting.pk])
    html = persian.get(url).content.decode()
    assert shown(html, "starts_at_0") == "۱۴۰۵-۰۱-۰۱"
    assert shown(html, "ends_at_0") == "۱۴۰۵-۰۱-۰۱"
    day_after = {"starts_at_0": "۱۴۰۵-۰۱-۰۲", "ends_at_0": "۱۴۰۵-۰۱-۰۲"}
    posted = {**as_posted(html), **day_after, "_save": ""}
    assert persian.post(url, posted).status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2026, 3, 22, 11, 0, tzinfo=KOLKATA)


def test_every_persian_admin_page_offers_the_solar_hijri_calendar_not_djangos(persian):
    """Every date field of every admin page: no Gregorian date input is left in Persian."""
    EventOrganiserFactory(event=EventFactory())
    SessionFactory(event=Event.objects.get())
    B2BMeetingFactory()
    MoUFactory(signed_on=datetime.date(2025, 11, 6))
    solar = set()
    for url in admin_pages():
        response = persian.get(url)
        if response.status_code == 403:  # an add page of a read-only admin
            continue
        html = response.content.decode()
        assert "vDateField" not in html, url
        if 'data-calendar="solar-hijri"' in html:
            solar.add(url)
            assert "portal/js/solar-hijri-calendar.js" in html, url
    # The event, MoU, meeting and user pages among them (a user's last login and joining).
    for name in ("events_event", "events_mou", "events_b2bmeeting"):
        assert reverse(f"admin:{name}_add") in solar, name
    first_user = get_user_model().objects.order_by("pk").first()
    assert reverse("admin:auth_user_change", args=[first_user.pk]) in solar
    reports = persian.get(reverse("admin-reports")).content.decode()
    assert "vDateField" not in reports
    assert 'name="date_from"' in reports and 'data-calendar="solar-hijri"' in reports
    assert "portal/js/solar-hijri-calendar.js" in reports


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_the_other_languages_keep_djangos_gregorian_dates(admin_client, lang):
    admin_client.cookies["django_language"] = lang
    event = EventFactory(start_date=datetime.date(2026, 3, 21))
    html = admin_client.get(event_change(event)).content.decode()
    assert shown(html, "start_date") == "2026-03-21"
    assert "vDateField" in html
    assert "solar-hijri" not in html
    reports = admin_client.get(reverse("admin-reports")).content.decode()
    assert "solar-hijri" not in reports


def test_the_reports_period_in_solar_hijri_dates(persian):
    EventFactory(start_date=datetime.date(2026, 3, 21), title_en="Nowruz meet")
    EventFactory(start_date=datetime.date(2026, 3, 20), title_en="Esfand meet")
    response = persian.get(
        reverse("admin-reports"),
        {
            "report": "events",
            "date_from": "۱۴۰۵-۰۱-۰۱",
            "date_to": "1405/01/31",
            "language": "en",
            "format": "csv",
        },
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Nowruz meet" in content and "Esfand meet" not in content
