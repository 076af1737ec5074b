"""The five reports: rows, totals, filters, language, permission, query counts."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backoffice import forms as backoffice_forms
from backoffice.forms import ReportForm
from backoffice.reports import export_selected_csv
from events.exporters import (
    EXPORTERS,
    EventsRegister,
    MeetingsRegister,
    MoURegister,
    OrganisationDirectory,
    OutcomesSummary,
    ReportFilters,
)
from events.models import B2BMeeting, Event, MoU, Scheme
from orgs.models import Organisation
from participants.models import Registration
from tests.factories import (
    B2BMeetingFactory,
    DistrictFactory,
    EventFactory,
    EventOrganiserFactory,
    MoUFactory,
    MoUPartyFactory,
    OrganisationFactory,
    SchemeFactory,
)

pytestmark = pytest.mark.django_db


def rows_of(exporter, lang="en"):
    table = exporter.table(lang)
    return table.header, list(table.rows)


@pytest.fixture
def built():
    """Two RAMP events in Pune (one in 2025 Q4, one in 2026 Q1) and one ODOP event.

    Known sums: 5 meetings (3 INR 1,000.50 each, 2 USD 200), 2 MoUs (INR 500).
    """
    ramp, odop = SchemeFactory(acronym="RAMP"), SchemeFactory(acronym="ODOP")
    pune = DistrictFactory()
    first = EventFactory(start_date=datetime.date(2025, 11, 6), region=pune, msmes=300)
    first.schemes.add(ramp)
    second = EventFactory(start_date=datetime.date(2026, 2, 3), region=pune, msmes=20)
    second.schemes.add(ramp)
    third = EventFactory(start_date=datetime.date(2026, 3, 1), participants=180)
    third.schemes.add(odop)
    for minutes, (value, currency) in enumerate(
        [(Decimal("1000.50"), "INR")] * 3 + [(Decimal("200"), "USD")] * 2
    ):
        B2BMeetingFactory(
            event=first,
            value=value,
            currency=currency,
            starts_at=datetime.datetime(2025, 11, 6, 5, minutes, tzinfo=datetime.UTC),
        )
    for _n in range(2):
        MoUFactory(event=second, value=Decimal("500"), currency="INR")
    return {"first": first, "second": second, "third": third, "ramp": ramp, "pune": pune}


def test_each_report_runs_on_the_demo_data_in_every_language(demo):
    for exporter in EXPORTERS.values():
        for lang in ("en", "hi", "mr", "fa"):
            header, rows = rows_of(exporter(), lang)
            assert rows and all(len(row) == len(header) for row in rows), exporter.slug


def test_the_events_register_of_the_demo_holds_the_pune_meet_with_typed_figures(demo):
    header, rows = rows_of(EventsRegister(), "mr")
    assert header[0] == "शीर्षक"
    pune = next(row for row in rows if row[2] == datetime.date(2025, 11, 6))
    # Published, and held as announced.
    assert (header[11], pune[10:12]) == ("कार्यक्रमाची स्थिती", ("प्रकाशित", "नियोजित"))
    # msmes, foreign buyers, buyer countries, B2B meetings, MoUs: numbers, not text.
    assert pune[13:18] == (300, 41, 16, 500, 32)
    assert "एमएसएमई उद्योग" in header[13]


def test_the_outcomes_summary_of_the_demo_adds_up(demo):
    _header, rows = rows_of(OutcomesSummary(group_by="scheme"))
    total = rows[-1]
    assert total[0] == "Total"
    assert total[1] == Event.objects.count()
    # An event held under two schemes counts under each.
    counts = {row[0]: row[1] for row in rows[:-1]}
    for scheme in Scheme.objects.all():
        assert counts.get(scheme.acronym or scheme.name, 0) == scheme.events.count()
    assert counts["No scheme"] == Event.objects.filter(schemes__isnull=True).count()


def test_the_outcomes_summary_per_scheme_has_the_known_sums(built):
    header, rows = rows_of(OutcomesSummary(group_by="scheme"))
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    ramp, odop, total = by_label["RAMP"], by_label["ODOP"], by_label["Total"]
    assert ramp["Events"] == 2 and odop["Events"] == 1 and total["Events"] == 3
    assert ramp["MSMEs (reported)"] == 320
    assert odop["Participants (reported)"] == 180
    assert ramp["B2B meetings recorded"] == 5 and ramp["MoUs recorded"] == 2
    assert ramp["B2B value (INR)"] == Decimal("3001.50")
    assert ramp["B2B value (USD)"] == Decimal("400")
    assert ramp["MoU value (INR)"] == Decimal("1000")
    assert total["B2B value (INR)"] == Decimal("3001.50")


def test_the_outcomes_summary_per_state_and_quarter(built):
    _header, rows = rows_of(OutcomesSummary(group_by="state"))
    assert [(row[0], row[1]) for row in rows] == [
        ("Maharashtra", 2),
        ("No state", 1),
        ("Total", 3),
    ]
    _header, rows = rows_of(OutcomesSummary(group_by="quarter"))
    assert [(row[0], row[1]) for row in rows] == [("2025 Q4", 1), ("2026 Q1", 2), ("Total", 3)]


def test_filters_by_period_scheme_region_kind_organiser_and_publication(built):
    organiser = OrganisationFactory()
    EventOrganiserFactory(event=built["third"], organisation=organiser)
    built["second"].status = Event.Status.DRAFT
    built["second"].save()
    cases = {
        ReportFilters(date_from=datetime.date(2026, 1, 1)): 2,
        ReportFilters(scheme=built["ramp"]): 2,
        ReportFilters(region=built["pune"].parent): 2,
        ReportFilters(kind=Event.Kind.WORKSHOP): 0,
        ReportFilters(organiser=organiser): 1,
        ReportFilters(status=Event.Status.DRAFT): 1,
    }
    for filters, count in cases.items():
        assert len(rows_of(EventsRegister(filters))[1]) == count, filters
    in_2025 = ReportFilters(date_to=datetime.date(2025, 12, 31))
    assert len(rows_of(MeetingsRegister(in_2025))[1]) == 5
    assert len(rows_of(MeetingsRegister(ReportFilters(scheme=built["ramp"])))[1]) == 5


def test_the_meetings_register_gives_local_times_and_labels_in_the_language(built):
    header, rows = rows_of(MeetingsRegister(), "fa")
    assert header[4] == "زمان"
    assert rows[0][4] == datetime.datetime(2025, 11, 6, 10, 30)  # 05:00 UTC in Kolkata
    assert rows[0][6] == "درخواست‌شده"  # "Requested", from the catalogue
    assert rows[0][8] == Decimal("1000.50")


def test_the_mou_register_lists_parties_and_values(built):
    mou = MoU.objects.first()
    MoUPartyFactory(mou=mou, organisation=OrganisationFactory(name_en="WTC Mumbai"))
    _header, rows = rows_of(MoURegister())
    assert len(rows) == 2
    assert any("WTC Mumbai" in row[1] for row in rows)
    assert {row[5] for row in rows} == {Decimal("500")}


def test_the_directory_with_event_filters_lists_who_took_part(built):
    everyone = rows_of(OrganisationDirectory())[1]
    at_ramp = rows_of(OrganisationDirectory(ReportFilters(scheme=built["ramp"])))[1]
    assert len(at_ramp) == 10  # 5 buyers and 5 sellers
    assert len(everyone) >= len(at_ramp)


@pytest.mark.parametrize("slug", sorted(EXPORTERS))
def test_query_count_does_not_grow_with_rows(slug):
    def count(n):
        scheme, pune = SchemeFactory(), DistrictFactory()
        for _i in range(n):
            event = EventFactory(region=pune)
            event.schemes.add(scheme)
            EventOrganiserFactory(event=event)
            B2BMeetingFactory(event=event, value=Decimal(1), currency="INR")
            mou = MoUFactory(event=event, value=Decimal(1), currency="USD")
            MoUPartyFactory(mou=mou)
        with CaptureQueriesContext(connection) as queries:
            rows = list(EXPORTERS[slug]().table("hi").rows)
        assert rows
        return len(queries)

    few = count(5)
    assert count(45) == few


def test_the_command_writes_a_report_to_a_file(built, tmp_path):
    out = tmp_path / "meetings.csv"
    call_command("export_report", "meetings", "--language", "mr", "--output", str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert next(iter(csv.reader(io.StringIO(text))))[4] == "वेळ"


class TestReportsPage:
    def url(self, **params):
        return reverse("admin-reports") + ("?" + "&".join(f"{k}={v}" for k, v in params.items()))

    def test_it_downloads_the_chosen_report(self, admin_client, built):
        response = admin_client.get(
            self.url(report="outcomes", group_by="quarter", language="en", format="csv")
        )
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="outcomes-en-')
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(body)))
        assert rows[0][0] == "Quarter" and rows[-1][:2] == ["Total", "3"]

    def test_the_form_shows_and_is_linked_from_the_index(self, admin_client):
        assert admin_client.get(reverse("admin-reports")).status_code == 200
        assert reverse("admin-reports").encode() in admin_client.get(reverse("admin:index")).content

    def test_staff_without_the_permission_get_403(self, client, django_user_model, built):
        user = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
        client.force_login(user)
        assert client.get(self.url(report="events", language="en", format="csv")).status_code == 403
        meeting_list = reverse("admin:events_b2bmeeting_changelist")
        user.user_permissions.add(Permission.objects.get(codename="view_b2bmeeting"))
        response = client.post(
            meeting_list,
            {"action": "export_selected_csv", "_selected_action": [B2BMeeting.objects.first().pk]},
        )
        assert response.status_code == 403
        user.user_permissions.add(Permission.objects.get(codename="export_reports"))
        response = client.get(self.url(report="events", language="en", format="csv"))
        assert response.status_code == 200

    def test_export_selected_gives_only_the_selected_rows(self, admin_client, built):
        chosen = [built["first"].pk, built["third"].pk]
        response = admin_client.post(
            reverse("admin:events_event_changelist"),
            {"action": "export_selected_csv", "_selected_action": chosen},
        )
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        assert len(list(csv.reader(io.StringIO(body)))) == 3


def test_the_form_offers_each_reports_own_fields_after_the_choice_of_report():
    form = ReportForm()
    assert list(form.fields)[:2] == ["report", "group_by"]
    assert form.fields["group_by"].label == "Outcomes grouped by"
    # The chosen report gets its own options, and no other report's.
    data = {"report": "outcomes", "group_by": "quarter", "language": "en", "format": "csv"}
    form = ReportForm(data)
    assert form.is_valid(), form.errors
    assert form.exporter().grouping == "quarter"
    form = ReportForm({**data, "report": "events"})
    assert form.is_valid() and form.exporter().options == {}
    form = ReportForm({**data, "group_by": ""})
    assert form.is_valid() and form.exporter().grouping == "scheme"


def test_each_list_with_export_actions_names_its_own_exporter():
    offering = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        if export_selected_csv in model_admin.actions:
            assert model_admin.exporter.model is model, model
            assert model_admin.exporter in backoffice_forms.EXPORTERS.values()
            offering.append(model)
    assert set(offering) == {Event, MoU, B2BMeeting, Organisation, Registration}


@pytest.mark.parametrize("model", [Event, MoU, B2BMeeting, Organisation])
def test_export_selected_writes_the_lists_own_report_of_the_selected_rows(
    admin_client, built, model
):
    if model is Organisation:
        OrganisationFactory(name_en="Not chosen")
    chosen = model.objects.order_by("pk").first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = admin_client.post(
        url, {"action": "export_selected_csv", "_selected_action": [chosen.pk]}
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    exporter = admin.site.get_model_admin(model).exporter
    assert rows[0] == exporter().table("en").header
    assert len(rows) == 2
