"""Importing a buyer-seller meet's 500-meeting schedule: previewed, all or nothing."""

import datetime
import time
from pathlib import Path

import pytest
import tablib
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone, translation

from events.importers import MeetingResource
from events.models import B2BMeeting, Event
from events.services import load_demo
from orgs.importers import OrganisationResource
from orgs.models import Organisation
from tests.data.make_examples import BAD_ROW

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"
PUNE = "international-buyer-seller-meet-pune-2025"


@pytest.fixture
def pune():
    """The Pune meet of the demo data, with the participants of tests/data."""
    load_demo(samples=False)
    participants = tablib.Dataset().load(
        (DATA / "participants-pune.csv").read_text(encoding="utf-8"), format="csv"
    )
    result = OrganisationResource().import_data(participants)
    assert not result.has_validation_errors()
    return Event.objects.get(slug=PUNE)


def dataset(name):
    path = DATA / name
    if path.suffix == ".xlsx":
        return tablib.Dataset().load(path.read_bytes(), format="xlsx")
    return tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")


def run(event, data, dry_run=False):
    if isinstance(data, str):
        data = tablib.Dataset().load(data, format="csv")
    return MeetingResource(event=event).import_data(
        data, dry_run=dry_run, rollback_on_validation_errors=True
    )


def errors_of(result):
    return {row.number: row.error_dict for row in result.invalid_rows}


@pytest.mark.parametrize("name", ["meetings-pune-500.xlsx", "meetings-pune-500.csv"])
def test_the_500_meeting_schedule_previews_then_imports(pune, name):
    started = time.monotonic()
    preview = run(pune, dataset(name), dry_run=True)
    assert not preview.has_validation_errors(), errors_of(preview)
    assert preview.totals["new"] == 500
    assert pune.meetings.count() == 0

    result = run(pune, dataset(name))
    assert result.totals["new"] == 500
    assert time.monotonic() - started < 20
    assert pune.meetings.count() == 500
    first = pune.meetings.select_related("buyer", "seller").earliest("starts_at", "table")
    assert timezone.localtime(first.starts_at).replace(tzinfo=None) == datetime.datetime(
        2025, 11, 6, 10, 0
    )
    assert (first.buyer.name_en, first.seller.udyam_number, first.table, first.status) == (
        "Gulf Horizon Trading LLC",
        "UDYAM-MH-26-1204000",
        "T01",
        "confirmed",
    )

    again = run(pune, dataset(name))
    assert (again.totals["new"], again.totals["skip"]) == (0, 500)
    assert pune.meetings.count() == 500


def test_one_bad_row_among_500_writes_nothing_and_names_the_row(pune):
    with translation.override("mr"):
        result = run(pune, dataset("meetings-pune-500-one-bad-row.csv"))
        message = str(B2BMeeting._meta.constraints[-1].violation_error_message)
    assert pune.meetings.count() == 0
    # The row, the column as the file wrote it, and the model's own message in Marathi.
    assert errors_of(result) == {BAD_ROW: {"seller": [message]}}
    assert message == "या वेळी या विक्रेत्याची आधीच एक बैठक आहे."


def test_a_seller_booked_twice_within_the_file_is_caught(pune):
    text = (
        "buyer,seller,date,time\n"
        "Gulf Horizon Trading LLC,UDYAM-MH-26-1204000,2025-11-06,10:00\n"
        "Basra Import Company,UDYAM-MH-26-1204037,2025-11-06,10:00\n"
        "Al Noor General Trading,UDYAM-MH-26-1204000,2025-11-06,10:00\n"
    )
    result = run(pune, text)
    assert errors_of(result) == {3: {"seller": ["This seller already has a meeting at this time."]}}
    assert pune.meetings.count() == 0


def test_faults_are_named_by_row_and_column(pune):
    text = (
        "buyer,seller,date,time,status\n"
        "Gulf Horizon Trading LLC,Gulf Horizon Trading LLC,2025-11-06,10:00,confirmed\n"
        "Basra Import Company,UDYAM-MH-26-1204037,2025-11-31,10:00,confirmed\n"
        "Basra Import Company,UDYAM-MH-26-1204037,1404-08-15,10:00,confirmed\n"
        "Basra Import Company,No Such Firm,2025-11-06,11:00,maybe\n"
    )
    errors = errors_of(run(pune, text))
    assert errors[1] == {"seller": ["The buyer and the seller must be different."]}
    assert "2025-11-31" in errors[2]["date"][0]
    assert "1404" in errors[3]["date"][0] and "Gregorian" in errors[3]["date"][0]
    assert "No Such Firm" in errors[4]["seller"][0]
    assert "maybe" in errors[4]["status"][0]
    assert pune.meetings.count() == 0


def test_marathi_headers_devanagari_digits_and_translated_labels(pune):
    with translation.override("mr"):
        headers = [
            str(B2BMeeting._meta.get_field(name).verbose_name)
            for name in ("buyer", "seller", "starts_at", "table", "status")
        ]
        held = str(B2BMeeting.Status.HELD.label)
        text = (
            f"{headers[0]},{headers[1]},date,{headers[2]},{headers[3]},{headers[4]}\n"
            f"Gulf Horizon Trading LLC,UDYAM-MH-26-1204000,०६-११-२०२५,१४:३०,टी-४,{held}\n"
        )
        result = run(pune, text)
    assert headers[1] == "विक्रेता"
    assert not result.has_validation_errors(), errors_of(result)
    meeting = pune.meetings.get()
    assert timezone.localtime(meeting.starts_at).replace(tzinfo=None) == datetime.datetime(
        2025, 11, 6, 14, 30
    )
    assert (meeting.status, meeting.table) == ("held", "टी-४")


def test_persian_digits_in_a_value(pune):
    text = (
        "buyer,seller,date,time,value,currency\n"
        "Gulf Horizon Trading LLC,UDYAM-MH-26-1204000,2025-11-06,10:00,۱۲۵۰۰,usd\n"
    )
    result = run(pune, text)
    assert not result.has_validation_errors(), errors_of(result)
    meeting = pune.meetings.get()
    assert (meeting.value, meeting.currency) == (12500, "USD")


def staff_with(*codenames):
    user = User.objects.create_user("clerk", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_staff_without_add_permission_cannot_import(client):
    client.force_login(staff_with("view_b2bmeeting", "change_b2bmeeting"))
    assert client.get(reverse("admin:events_b2bmeeting_import")).status_code == 403
    changelist = client.get(reverse("admin:events_b2bmeeting_changelist")).content.decode()
    assert reverse("admin:events_b2bmeeting_import") not in changelist


def test_the_admin_import_asks_for_the_event_previews_and_writes(client, pune):
    client.force_login(staff_with("view_b2bmeeting", "add_b2bmeeting", "change_b2bmeeting"))
    client.cookies["django_language"] = "mr"
    url = reverse("admin:events_b2bmeeting_import")
    form_page = client.get(url)
    assert form_page.status_code == 200 and 'name="event"' in form_page.content.decode()
    with (DATA / "meetings-pune-500.xlsx").open("rb") as upload:
        preview = client.post(url, {"event": pune.pk, "import_file": upload, "format": "1"})
    assert preview.status_code == 200
    assert preview.context["result"].totals["new"] == 500
    assert pune.meetings.count() == 0
    confirm = preview.context["confirm_form"]
    response = client.post(
        reverse("admin:events_b2bmeeting_process_import"),
        {name: confirm.initial[name] for name in confirm.fields},
    )
    assert response.status_code == 302
    assert pune.meetings.count() == 500


def test_the_admin_preview_of_a_bad_file_offers_no_confirmation(client, pune):
    client.force_login(staff_with("view_b2bmeeting", "add_b2bmeeting", "change_b2bmeeting"))
    client.cookies["django_language"] = "mr"
    with (DATA / "meetings-pune-500-one-bad-row.csv").open("rb") as upload:
        preview = client.post(
            reverse("admin:events_b2bmeeting_import"),
            {"event": pune.pk, "import_file": upload, "format": "0"},
        )
    html = preview.content.decode()
    assert "confirm_form" not in preview.context
    assert [row.number for row in preview.context["result"].invalid_rows] == [BAD_ROW]
    assert "या वेळी या विक्रेत्याची आधीच एक बैठक आहे." in html
    assert pune.meetings.count() == 0
    assert Organisation.objects.count() > 0
