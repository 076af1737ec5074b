"""Importing participant lists: organisations and people, in any language's headers."""

from pathlib import Path

import pytest
import tablib
from django.urls import reverse
from django.utils import translation

from orgs.importers import OrganisationResource, PersonResource
from orgs.models import Organisation, Person
from portal.models import Job
from tests import factories
from tests.jobs import posted_job

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data"


def run(resource, text, dry_run=False):
    dataset = tablib.Dataset().load(text, format="csv")
    return resource.import_data(dataset, dry_run=dry_run, rollback_on_validation_errors=True)


def errors_of(result):
    return {row.number: row.error_dict for row in result.invalid_rows}


def test_the_participant_list_imports_and_a_second_import_creates_nothing():
    text = (DATA / "participants-pune.csv").read_text(encoding="utf-8")
    preview = run(OrganisationResource(), text, dry_run=True)
    assert not preview.has_validation_errors() and not preview.has_errors()
    assert preview.totals["new"] == 341
    assert Organisation.objects.count() == 0  # a preview writes nothing

    assert run(OrganisationResource(), text).totals["new"] == 341
    firm = Organisation.objects.get(udyam_number="UDYAM-MH-26-1204000")
    assert (firm.name_en, firm.iec, firm.kind) == (
        "Shree Ganesh Auto Components Pvt. Ltd.",
        "AABCP4000X",
        "msme",
    )
    assert (
        Organisation.objects.filter(kind="foreign_buyer").values("country").distinct().count() == 16
    )

    again = run(OrganisationResource(), text)
    assert (again.totals["new"], again.totals["skip"]) == (0, 341)
    assert Organisation.objects.count() == 341


def test_organisations_are_matched_by_udyam_then_iec_then_name():
    by_udyam = factories.OrganisationFactory(name_en="Old name", udyam_number="UDYAM-MH-26-0000001")
    by_iec = factories.OrganisationFactory(name_en="Another", iec="ABCDE12345")
    by_name = factories.OrganisationFactory(name_en="x", name_mr="सह्याद्री उद्योग")
    text = (
        "name,kind,country,udyam_number,iec\n"
        "New name,msme,IN,UDYAM-MH-26-0000001,\n"
        "Another,msme,IN,,ABCDE12345\n"
        "सह्याद्री उद्योग,msme,IN,,\n"
    )
    result = run(OrganisationResource(), text)
    assert result.totals["new"] == 0
    assert Organisation.objects.count() == 3
    by_udyam.refresh_from_db()
    assert by_udyam.name_en == "New name"
    assert Organisation.objects.get(pk=by_iec.pk).kind == "msme"
    # "सह्याद्री उद्योग" under an English header found the Marathi name: nothing new.
    assert Organisation.objects.filter(pk=by_name.pk).exists()


@pytest.mark.parametrize("language", ["hi", "mr", "fa"])
def test_headers_in_the_staff_members_language_are_read(language):
    with translation.override(language):
        # The headers are the fields' own translated names ("नाव", "نام"), as staff see them.
        labels = [
            str(Organisation._meta.get_field(f).verbose_name) for f in ("name", "kind", "country")
        ]
        assert labels != ["name", "kind", "country"]
        result = run(OrganisationResource(), f"{','.join(labels)}\nसह्याद्री फोर्जिंग्ज,MSME,भारत\n")
    assert not result.has_validation_errors(), errors_of(result)
    firm = Organisation.objects.get()
    # The header's language is the name's language.
    assert getattr(firm, f"name_{language}") == "सह्याद्री फोर्जिंग्ज"
    assert (firm.kind, firm.country_id) == ("msme", "IN")


def test_devanagari_digits_in_a_udyam_number_are_read():
    result = run(
        OrganisationResource(),
        "name,kind,country,udyam_number\nDeccan Forgings,msme,IN,udyam-mh-२६-००१२३४५\n",
    )
    assert not result.has_validation_errors(), errors_of(result)
    assert Organisation.objects.get().udyam_number == "UDYAM-MH-26-0012345"


def test_every_bad_row_is_named_with_its_column_and_nothing_is_written():
    text = (
        "name,kind,country,udyam_number\n"
        "Good Firm,msme,IN,UDYAM-MH-26-0000002\n"
        "Bad Udyam,msme,IN,MH-26-12\n"
        "Nowhere Firm,msme,Atlantis,\n"
    )
    with translation.override("mr"):
        result = run(OrganisationResource(), text)
        udyam_message = str(Organisation._meta.get_field("udyam_number").validators[0].message)
    assert Organisation.objects.count() == 0
    errors = errors_of(result)
    assert set(errors) == {2, 3}
    assert errors[2] == {"udyam_number": [udyam_message]}
    assert "उद्यम नोंदणी क्रमांक" in udyam_message  # the Marathi message
    assert "Atlantis" in errors[3]["country"][0]


def test_people_import_finds_their_organisation_and_is_not_duplicated():
    firm = factories.OrganisationFactory(name_en="MSSIDC", iec="ABCDE12345")
    text = "honorific,name,designation,organisation,email\nShri,Vikas Pansare,MD,ABCDE12345,\n"
    assert run(PersonResource(), text).totals["new"] == 1
    person = Person.objects.get()
    assert (person.honorific, person.organisation, person.name_en) == (
        "shri",
        firm,
        "Vikas Pansare",
    )
    assert run(PersonResource(), text).totals["new"] == 0
    assert Person.objects.count() == 1


def test_an_unknown_organisation_is_named():
    result = run(PersonResource(), "name,organisation\nVinod Kumar,No Such Forum\n")
    assert "No Such Forum" in errors_of(result)[1]["organisation"][0]
    assert Person.objects.count() == 0


def test_staff_without_add_and_change_permission_cannot_import(client):
    client.force_login(factories.staff_with("view_organisation"))
    assert client.get(reverse("admin:orgs_organisation_import")).status_code == 403
    changelist = client.get(reverse("admin:orgs_organisation_changelist")).content.decode()
    assert reverse("admin:orgs_organisation_import") not in changelist


def test_the_admin_import_runs_as_a_job_and_its_page_counts_the_rows(
    client, django_capture_on_commit_callbacks, jobs_folder
):
    client.force_login(
        factories.staff_with("view_organisation", "add_organisation", "change_organisation")
    )
    client.cookies["django_language"] = "hi"
    url = reverse("admin:orgs_organisation_import")
    assert (
        reverse("admin:orgs_organisation_import")
        in client.get(reverse("admin:orgs_organisation_changelist")).content.decode()
    )
    with (DATA / "participants-pune.csv").open("rb") as upload:
        job, response = posted_job(
            client,
            django_capture_on_commit_callbacks,
            url,
            {"import_file": upload, "format": "0", "resource": "0"},
        )
    assert job.status == Job.Status.DONE and job.outcome == {"new": 341}
    assert Organisation.objects.count() == 341
    page = client.get(response["Location"]).content.decode()
    assert "जोड़ी गई पंक्तियाँ" in page and "<dd>341</dd>" in page
