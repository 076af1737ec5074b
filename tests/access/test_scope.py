"""An MSSIDC official works on MSSIDC's events only: not on the UP department's,
in lists, pages, autocompletes, actions, reports or imports, nor by a guessed URL."""

import csv
import io

import pytest
import tablib
from django.urls import reverse

from access.scope import UserScope
from events.importers import MoUResource
from events.models import B2BMeeting, Event, MoU, Session
from orgs.models import Organisation
from tests import admin_forms, factories

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


@pytest.mark.parametrize("model", ["event", "mou", "b2bmeeting"])
def test_lists_hold_only_the_officials_events(client, bodies, model):
    client.force_login(bodies.clerk)
    response = client.get(reverse(f"admin:events_{model}_changelist"))
    assert response.status_code == 200
    shown = {obj.pk for obj in response.context["cl"].result_list}
    mine = {
        "event": Event.objects.filter(pk=bodies.pune.pk),
        "mou": MoU.objects.filter(event=bodies.pune),
        "b2bmeeting": B2BMeeting.objects.filter(event=bodies.pune),
    }[model]
    assert shown == set(mine.values_list("pk", flat=True))


@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_a_guessed_address_of_the_other_bodys_event_is_not_found(client, bodies, view):
    client.force_login(bodies.clerk)
    assert (
        client.get(reverse(f"admin:events_event_{view}", args=[bodies.pune.pk])).status_code == 200
    )
    response = client.get(reverse(f"admin:events_event_{view}", args=[bodies.lucknow.pk]))
    assert response.status_code == 404
    assert "लखनऊ" not in text(response)


def test_the_other_bodys_mou_and_meeting_pages_are_not_found(client, bodies):
    client.force_login(bodies.clerk)
    mou = bodies.lucknow.agreements.get()
    meeting = bodies.lucknow.meetings.get()
    assert client.get(reverse("admin:events_mou_change", args=[mou.pk])).status_code == 404
    url = reverse("admin:events_b2bmeeting_change", args=[meeting.pk])
    assert client.get(url).status_code == 404


def test_posting_to_the_other_bodys_event_changes_nothing(client, bodies):
    client.force_login(bodies.clerk)
    url = reverse("admin:events_event_change", args=[bodies.lucknow.pk])
    response = client.post(url, {"title_en": "Hijacked", "country": "IN", "kind": "workshop"})
    assert response.status_code == 404
    bodies.lucknow.refresh_from_db()
    assert bodies.lucknow.title_en == "Export promotion review meeting, Lucknow"


def test_the_delete_action_skips_the_other_bodys_event(client, bodies):
    client.force_login(bodies.clerk)
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "delete_selected", "_selected_action": [bodies.lucknow.pk], "post": "yes"},
    )
    assert Event.objects.filter(pk=bodies.lucknow.pk).exists()


def autocomplete(client, model, field, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    return {int(result["id"]) for result in response.json()["results"]}


def test_autocompletes_offer_only_the_officials_events_and_mous(client, bodies):
    client.force_login(bodies.clerk)
    assert autocomplete(client, "mou", "event") == {bodies.pune.pk}
    assert autocomplete(client, "b2bmeeting", "event", "Lucknow") == set()
    assert autocomplete(client, "b2bmeeting", "mou") == {bodies.pune.agreements.get().pk}


def test_a_forged_choice_of_the_other_bodys_event_is_refused(client, bodies):
    client.force_login(bodies.clerk)
    meeting = bodies.pune.meetings.get()
    response = client.post(
        reverse("admin:events_b2bmeeting_add"),
        {
            "event": bodies.lucknow.pk,
            "buyer": meeting.buyer.pk,
            "seller": meeting.seller.pk,
            "starts_at_0": "2026-12-01",
            "starts_at_1": "10:00",
            "status": "requested",
            "outcome": "none",
        },
    )
    assert response.status_code == 200
    assert "event" in response.context["adminform"].form.errors
    assert B2BMeeting.objects.filter(event=bodies.lucknow).count() == 1


def event_form(organisers, **fields):
    """A new workshop organised by `organisers`, as the add page posts it."""
    organisers = [
        {"organisation": organisation.pk, "role": "organiser", "order": i}
        for i, organisation in enumerate(organisers)
    ]
    return admin_forms.event_form(
        title_en="District Export Workshop, Nashik",
        kind=Event.Kind.WORKSHOP,
        **admin_forms.inline_rows("organiser_links", organisers),
        **fields,
    )


def test_an_official_adds_an_event_of_their_own_body(client, bodies):
    client.force_login(bodies.clerk)
    response = client.post(reverse("admin:events_event_add"), event_form([bodies.mssidc]))
    assert response.status_code == 302
    nashik = Event.objects.get(title_en="District Export Workshop, Nashik")
    assert nashik.status == Event.Status.DRAFT
    assert client.get(reverse("admin:events_event_change", args=[nashik.pk])).status_code == 200


def test_an_event_organised_only_by_another_body_is_refused(client, bodies):
    client.cookies["django_language"] = "mr"
    client.force_login(bodies.clerk)
    response = client.post(reverse("admin:events_event_add"), event_form([bodies.up]))
    assert response.status_code == 200
    assert "तुम्ही काम करता" in text(response)
    assert not Event.objects.filter(title_en="District Export Workshop, Nashik").exists()


def test_reports_hold_only_the_officials_events(client, bodies):
    client.force_login(bodies.viewer)
    response = client.get(
        reverse("admin-reports"), {"report": "events", "language": "en", "format": "csv"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    title = rows[0].index("Title")
    titles = {row[title] for row in rows[1:]}
    assert "International Buyer-Seller Meet, Pune" in titles
    assert not any("Lucknow" in title for title in titles)


def test_export_selected_leaves_out_the_other_bodys_event(client, bodies):
    client.force_login(bodies.publisher)
    response = client.post(
        reverse("admin:events_event_changelist"),
        {
            "action": "export_selected_csv",
            "_selected_action": [bodies.pune.pk, bodies.lucknow.pk],
        },
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Pune" in content and "Lucknow" not in content


def test_the_meeting_import_offers_only_the_officials_events(client, bodies):
    client.force_login(bodies.clerk)
    url = reverse("admin:events_b2bmeeting_import")
    choices = client.get(url).context["form"].fields["event"].queryset
    assert list(choices) == [bodies.pune]
    upload = io.BytesIO(b"buyer,seller,date,time\nA,B,2026-12-01,10:00\n")
    upload.name = "meetings.csv"
    response = client.post(url, {"event": bodies.lucknow.pk, "import_file": upload, "format": "0"})
    assert "event" in response.context["form"].errors
    assert B2BMeeting.objects.filter(event=bodies.lucknow).count() == 1


def test_an_mou_import_cannot_reach_the_other_bodys_event(bodies):
    rows = tablib.Dataset(
        ["Export tie-up", "2026-11-06", bodies.lucknow.slug, "MSSIDC; DIEP-UP"],
        headers=["title_en", "signed_on", "event", "parties"],
    )
    result = MoUResource(scope=UserScope(bodies.clerk)).import_data(rows, dry_run=True)
    assert result.has_validation_errors()
    errors = result.invalid_rows[0].error_dict
    assert any(bodies.lucknow.slug in str(message) for message in errors["event"])
    assert MoU.objects.count() == 2


def test_an_organisation_import_cannot_change_the_other_body(bodies):
    from orgs.importers import OrganisationResource

    rows = tablib.Dataset(
        [bodies.up.name_en, "DIEP", "government", "IN"],
        headers=["name_en", "acronym", "kind", "country"],
    )
    result = OrganisationResource(scope=UserScope(bodies.clerk)).import_data(rows, dry_run=True)
    assert result.has_validation_errors()
    bodies.up.refresh_from_db()
    assert bodies.up.acronym == "DIEP-UP"


def test_the_directory_is_shared_but_the_other_body_is_read_only(client, bodies):
    client.force_login(bodies.clerk)
    up_page = client.get(reverse("admin:orgs_organisation_change", args=[bodies.up.pk]))
    assert up_page.status_code == 200
    assert 'name="_save"' not in text(up_page)
    response = client.post(
        reverse("admin:orgs_organisation_change", args=[bodies.up.pk]),
        {"name_en": "Renamed", "kind": "government", "country": "IN"},
    )
    assert response.status_code == 403
    assert Organisation.objects.get(pk=bodies.up.pk).name_en.startswith("Directorate")
    # A firm that took part in the Pune meet is the directory's, and theirs to correct.
    seller = bodies.pune.meetings.get().seller
    page = client.get(reverse("admin:orgs_organisation_change", args=[seller.pk]))
    assert 'name="_save"' in text(page)


def test_sessions_and_roles_of_the_other_body_stay_out_of_reach(bodies):
    from access import scope

    assert set(scope.limit(Session.objects.all(), bodies.clerk)) == set(bodies.pune.sessions.all())
    everything = scope.limit(Session.objects.all(), bodies.administrator)
    assert everything.count() == 2


def test_a_body_covers_its_district_offices(client, bodies):
    office = factories.OrganisationFactory(name_en="DIC Nashik", parent=bodies.mssidc)
    nashik = factories.EventFactory(title_en="Nashik export workshop")
    factories.EventOrganiserFactory(event=nashik, organisation=office)
    client.force_login(bodies.clerk)
    assert client.get(reverse("admin:events_event_change", args=[nashik.pk])).status_code == 200
