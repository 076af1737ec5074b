"""The four roles: what each may do, and who publishes."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from access.roles import ADMINISTRATOR, DATA_ENTRY, PUBLISHER, REPORT_VIEWER
from events.models import Event
from orgs.models import Region
from tests import factories

pytestmark = pytest.mark.django_db

EVENTS = reverse("admin:events_event_changelist")


def codenames(role):
    return set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))


def test_the_migration_creates_the_four_roles():
    assert codenames(DATA_ENTRY) >= {"add_event", "change_mou", "add_b2bmeeting", "view_region"}
    assert "publish_event" not in codenames(DATA_ENTRY)
    assert "change_region" not in codenames(DATA_ENTRY)
    # Officials see the changes of theirs waiting for approval; publishers decide them.
    assert "view_eventrevision" in codenames(DATA_ENTRY)
    # Officials read their events' registrations; publishers decide them.
    assert {"view_registration", "change_registrationsettings"} <= codenames(DATA_ENTRY)
    # They read their events' meeting requests and scheduler runs; publishers
    # match firms and run the scheduler.
    assert {"view_meetingrequest", "view_schedulerrun", "change_matchmakingsettings"} <= (
        codenames(DATA_ENTRY)
    )
    assert codenames(PUBLISHER) == codenames(DATA_ENTRY) | {
        "publish_event",
        "export_reports",
        "change_eventrevision",
        "change_registration",
        "add_meetingrequest",
        "add_schedulerrun",
    }
    assert codenames(REPORT_VIEWER) == {"export_reports"}
    assert codenames(ADMINISTRATOR) >= {
        "change_region",
        "change_scheme",
        "publish_event",
        "all_organisations",
        "change_user",
        "change_registration",
        "add_schedulerrun",
    }


def test_a_data_entry_official_cannot_publish(client, bodies):
    client.force_login(bodies.clerk)
    bodies.pune.status = Event.Status.DRAFT
    bodies.pune.save()
    page = client.get(EVENTS)
    assert "publish" not in dict(page.context["action_form"].fields["action"].choices)
    client.post(EVENTS, {"action": "publish", "_selected_action": [bodies.pune.pk]})
    bodies.pune.refresh_from_db()
    assert bodies.pune.status == Event.Status.DRAFT
    # The publication state is shown, not offered, on the event's page.
    change = client.get(reverse("admin:events_event_change", args=[bodies.pune.pk]))
    assert "status" not in change.context["adminform"].form.fields


def test_a_publisher_publishes_the_bodys_own_events_only(client, bodies):
    Event.objects.update(status=Event.Status.DRAFT)
    client.force_login(bodies.publisher)
    client.post(
        EVENTS,
        {"action": "publish", "_selected_action": [bodies.pune.pk, bodies.lucknow.pk]},
    )
    assert list(Event.objects.published()) == [bodies.pune]
    latest = bodies.pune.history.first()
    assert latest.history_user == bodies.publisher and latest.status == "published"


def test_reference_data_is_for_administrators(client, bodies):
    region = factories.DistrictFactory()
    url = reverse("admin:orgs_region_change", args=[region.pk])
    client.force_login(bodies.clerk)
    assert client.get(url).status_code == 200  # read-only, for looking up
    response = client.post(url, {"name_en": "Renamed", "kind": "district", "country": "IN"})
    assert response.status_code == 403
    assert Region.objects.get(pk=region.pk).name_en != "Renamed"
    client.force_login(bodies.administrator)
    assert 'name="_save"' in client.get(url).content.decode()


def test_a_report_viewer_sees_reports_only(client, bodies):
    client.force_login(bodies.viewer)
    assert client.get(reverse("admin-reports")).status_code == 200
    assert client.get(EVENTS).status_code == 403
    assert client.get(reverse("admin:events_event_add")).status_code == 403


def test_the_administrator_sees_every_bodys_events(client, bodies):
    client.force_login(bodies.administrator)
    page = client.get(EVENTS)
    assert {e.pk for e in page.context["cl"].result_list} == {bodies.pune.pk, bodies.lucknow.pk}


def test_a_user_is_given_organisations_on_the_user_page(admin_client, bodies):
    page = admin_client.get(reverse("admin:auth_user_change", args=[bodies.clerk.pk]))
    assert page.status_code == 200
    assert "memberships-0-organisation" in page.content.decode()
