"""Importing a buyer-seller meet's 500-meeting schedule: previewed, all or nothing."""

import datetime
from pathlib import Path

import pytest
import tablib
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from devtools.demo import load_demo
from events.importers import MeetingResource, MoUResource
from events.models import B2BMeeting, Event, MoU, MoUParty
from orgs.importers import OrganisationResource
from orgs.models import Organisation
from tests import factories
from tests.conftest import recording
from tests.data.make_examples import BAD_ROW
from tests.jobs import posted_job
from tests.snapshots import restore

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"
PUNE = "international-buyer-seller-meet-pune-2025"


def pune_with_participants():
    load_demo(samples=False)
    participants = tablib.Dataset().load(
        (DATA / "participants-pune.csv").read_text(encoding="utf-8"), format="csv"
    )
    result = OrganisationResource().import_data(participants)
    assert not result.has_validation_errors()
    return Event.objects.get(slug=PUNE)


@pytest.fixture(scope="session")
def pune_recording(django_db_setup, django_db_blocker):
    return recording(django_db_blocker, pune_with_participants)


@pytest.fixture
def pune(db, pune_recording):
    """The Pune meet of the demo data, with the participants of tests/data."""
    return restore(pune_recording)


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
    preview = run(pune, dataset(name), dry_run=True)
    assert not preview.has_validation_errors(), errors_of(preview)
    assert preview.totals["new"] == 500
    assert pune.meetings.count() == 0

    result = run(pune, dataset(name))
    assert result.totals["new"] == 500
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
        message = gettext("This seller already has a meeting at this time.")
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
    assert errors[1]["seller"][0] == "The buyer and the seller must be different."
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


def meeting_clerk(event):
    """An official of the event's organisers who may record its meetings."""
    return factories.staff_with(
        "view_b2bmeeting",
        "add_b2bmeeting",
        "change_b2bmeeting",
        organisations=event.organisers.all(),
    )


def test_staff_without_add_permission_cannot_import(client):
    client.force_login(factories.staff_with("view_b2bmeeting", "change_b2bmeeting"))
    assert client.get(reverse("admin:events_b2bmeeting_import")).status_code == 403
    changelist = client.get(reverse("admin:events_b2bmeeting_changelist")).content.decode()
    assert reverse("admin:events_b2bmeeting_import") not in changelist


def test_the_admin_import_asks_for_the_event_and_writes_as_a_job(
    client, pune, django_capture_on_commit_callbacks, jobs_folder
):
    client.force_login(meeting_clerk(pune))
    client.cookies["django_language"] = "mr"
    url = reverse("admin:events_b2bmeeting_import")
    form_page = client.get(url)
    assert form_page.status_code == 200 and 'name="event"' in form_page.content.decode()
    with (DATA / "meetings-pune-500.xlsx").open("rb") as upload:
        job, _response = posted_job(
            client,
            django_capture_on_commit_callbacks,
            url,
            {"event": pune.pk, "import_file": upload, "format": "1"},
        )
    assert (job.status, job.outcome, job.done) == ("done", {"new": 500}, 500)
    assert pune.meetings.count() == 500


def test_a_bad_file_imports_nothing_and_its_job_names_row_and_column_in_marathi(
    client, pune, django_capture_on_commit_callbacks, jobs_folder
):
    client.force_login(meeting_clerk(pune))
    client.cookies["django_language"] = "mr"
    with (DATA / "meetings-pune-500-one-bad-row.csv").open("rb") as upload:
        job, response = posted_job(
            client,
            django_capture_on_commit_callbacks,
            reverse("admin:events_b2bmeeting_import"),
            {"event": pune.pk, "import_file": upload, "format": "0"},
        )
    message = "या वेळी या विक्रेत्याची आधीच एक बैठक आहे."
    assert job.status == "failed"
    assert job.errors == [{"row": BAD_ROW, "column": "seller", "messages": [message]}]
    html = client.get(response["Location"]).content.decode()
    assert message in html and "काहीही आयात केले नाही" in html
    assert pune.meetings.count() == 0
    assert Organisation.objects.count() > 0


# MoUs: tests/data/mous.csv holds the demo data's IGNITE MoU and three MoUs
# between firms of the Pune participant list.

IGNITE_MOU = "odop-branding-mou-mumbai-2026"


def import_mous(data, dry_run=False):
    if isinstance(data, str):
        data = tablib.Dataset().load(data, format="csv")
    return MoUResource().import_data(data, dry_run=dry_run, rollback_on_validation_errors=True)


def parties_of(mou):
    return [
        (link.organisation.name_en, link.role, link.order)
        for link in mou.party_links.select_related("organisation")
    ]


def test_the_mou_list_previews_then_imports_and_a_second_import_creates_nothing(pune):
    ignite = MoU.objects.get(slug=IGNITE_MOU)
    ignite_parties = parties_of(ignite)
    assert len(ignite_parties) == 3

    preview = import_mous(dataset("mous.csv"), dry_run=True)
    assert not preview.has_validation_errors() and not preview.has_errors(), errors_of(preview)
    # The demo data's MoU is found again, unchanged; the three others are new.
    assert (preview.totals["new"], preview.totals["skip"]) == (3, 1)
    assert list(MoU.objects.values_list("slug", flat=True)) == [IGNITE_MOU]
    assert MoUParty.objects.count() == 3

    result = import_mous(dataset("mous.csv"))
    assert (result.totals["new"], result.totals["skip"]) == (3, 1)
    assert MoU.objects.count() == 4
    assert parties_of(MoU.objects.get(pk=ignite.pk)) == ignite_parties
    gulf = MoU.objects.get(title_en="Supply of auto components to the UAE")
    assert (gulf.event, gulf.signed_on, gulf.status, gulf.value, gulf.currency) == (
        pune,
        datetime.date(2025, 11, 7),
        "under_implementation",
        250000,
        "USD",
    )
    # Named by name and by Udyam number, kept in the cell's order.
    assert parties_of(gulf) == [
        ("Gulf Horizon Trading LLC", "party", 1),
        ("Shree Ganesh Auto Components Pvt. Ltd.", "party", 2),
    ]
    textiles = MoU.objects.get(title_en="Cotton fabrics for Germany")
    # A party by IEC, the status by its label, the value in Indian grouping.
    assert parties_of(textiles)[1][0] == "Shree Ganesh Textiles Pvt. Ltd."
    assert (textiles.status, textiles.value, textiles.currency) == ("signed", 4500000, "INR")
    fairs = MoU.objects.get(title_en="Joint participation in Gulf trade fairs")
    assert fairs.event is None and len(parties_of(fairs)) == 3

    again = import_mous(dataset("mous.csv"))
    assert (again.totals["new"], again.totals["update"], again.totals["skip"]) == (0, 0, 4)
    assert (MoU.objects.count(), MoUParty.objects.count()) == (4, 10)


def test_an_mou_with_one_party_writes_nothing_and_names_the_row(pune):
    text = (DATA / "mous.csv").read_text(encoding="utf-8")
    text = text.replace("Bavaria Textil GmbH; AABKP4003X", "Bavaria Textil GmbH")
    with translation.override("mr"):
        result = import_mous(text)
        message = str(MoU.too_few_parties_message)
    assert message == "सामंजस्य करारात किमान दोन पक्षकार असतात."
    # The row (1 = the first under the header) and the column as the file wrote it.
    assert errors_of(result) == {3: {"parties": [message]}}
    assert list(MoU.objects.values_list("slug", flat=True)) == [IGNITE_MOU]
    assert MoUParty.objects.count() == 3


def test_an_unknown_party_is_named(pune):
    text = (
        "title,signed_on,parties\n"
        "Spice sourcing,2025-11-07,Kandy Spice Traders; No Such Firm; UDYAM-MH-26-9999999\n"
    )
    result = import_mous(text)
    [message] = errors_of(result)[1]["parties"]
    assert "No Such Firm" in message and "UDYAM-MH-26-9999999" in message
    assert "Kandy Spice Traders" not in message
    assert MoU.objects.count() == 1


def test_an_unknown_event_is_named(pune):
    text = "title,event,parties\nSpice sourcing,no-such-meet,Kandy Spice Traders; AABCP4000X\n"
    result = import_mous(text)
    assert "no-such-meet" in errors_of(result)[1]["event"][0]
    assert MoU.objects.count() == 1


def test_marathi_headers_fill_the_marathi_title_and_devanagari_digits_are_read(pune):
    with translation.override("mr"):
        headers = [
            str(MoU._meta.get_field(name).verbose_name)
            for name in ("title", "signed_on", "status", "parties")
        ]
        status = str(MoU.Status.COMPLETED.label)
        text = (
            f"{','.join(headers)}\n"
            f"पुणे मसाले पुरवठा करार,०७-११-२०२५,{status},Kandy Spice Traders; AABCP4000X\n"
        )
        result = import_mous(text)
        assert not result.has_validation_errors(), errors_of(result)
        again = import_mous(text)
    assert headers[:2] == ["शीर्षक", "स्वाक्षरीचा दिनांक"]
    mou = MoU.objects.get(title_mr="पुणे मसाले पुरवठा करार")
    assert (mou.title_en, mou.signed_on, mou.status) == (
        None,
        datetime.date(2025, 11, 7),
        "completed",
    )
    assert [name for name, _role, _order in parties_of(mou)] == [
        "Kandy Spice Traders",
        "Shree Ganesh Auto Components Pvt. Ltd.",
    ]
    # Found again by its Marathi title and its date.
    assert (again.totals["new"], again.totals["skip"]) == (0, 1)


def test_an_mou_is_found_by_its_slug_and_its_parties_follow_the_file(pune):
    text = (
        "slug,signed_on,parties\n"
        f"{IGNITE_MOU},2026-02-03,World Trade Centre Mumbai; All India Association of Industries\n"
    )
    result = import_mous(text)
    assert (result.totals["new"], result.totals["update"]) == (0, 1)
    ignite = MoU.objects.get()
    assert ignite.title_en == "MoU for ODOP branding and promotion"
    assert parties_of(ignite) == [
        ("World Trade Centre Mumbai", "party", 1),
        ("All India Association of Industries", "party", 2),
    ]


def test_the_admin_imports_mous(client, pune, django_capture_on_commit_callbacks, jobs_folder):
    capture_on_commit = django_capture_on_commit_callbacks
    # A clerk of the organisers of the events the file names.
    organisers = Organisation.objects.filter(event_links__isnull=False)
    client.force_login(
        factories.staff_with("view_mou", "add_mou", "change_mou", organisations=organisers)
    )
    url = reverse("admin:events_mou_import")
    assert url in client.get(reverse("admin:events_mou_changelist")).content.decode()
    with (DATA / "mous.csv").open("rb") as upload:
        job, _response = posted_job(
            client, capture_on_commit, url, {"import_file": upload, "format": "0"}
        )
    assert job.outcome == {"new": 3, "skip": 1}
    assert MoU.objects.count() == 4
