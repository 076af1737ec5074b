"""Who changed what and when: every create, change and delete is recorded,
field by field, and shown on the record's history page."""

import pytest
from django.urls import reverse

from events.models import B2BMeeting, Event, EventRole, MoU, Session
from orgs.models import Organisation, Person
from tests import factories
from tests.admin_forms import change_form

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_admin_is_recorded_with_who_and_what(client, bodies):
    # The publisher's: an official who may not publish changes a published
    # event for approval (tests/backoffice/test_revisions.py).
    client.cookies["django_language"] = "mr"
    client.force_login(bodies.publisher)
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    data = change_form(client, url)
    data["title_mr"] = "आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद, पुणे"
    data["venue_mr"] = "हॉटेल ऑर्किड, पुणे"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    latest, before = bodies.pune.history.all()[:2]
    assert latest.history_user == bodies.publisher and latest.history_type == "~"
    delta = latest.diff_against(before)
    changed = {change.field for change in delta.changes if change.old or change.new}
    assert changed == {"title_mr", "venue_mr"}
    page = client.get(reverse("admin:events_event_history", args=[bodies.pune.pk]))
    html = page.content.decode()
    assert "mssidc-publisher" in html and "हॉटेल ऑर्किड, पुणे" in html


def test_changes_to_a_session_made_on_the_event_page_are_recorded(client, bodies):
    client.force_login(bodies.publisher)
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    data = change_form(client, url)
    data["sessions-0-title_en"] = "Valedictory session"
    assert client.post(url, data).status_code == 302
    session = bodies.pune.sessions.get()
    assert session.history.first().history_user == bodies.publisher
    assert session.history.first().title_en == "Valedictory session"
    # Sessions have no page of their own: the event's history shows the change.
    page = client.get(reverse("admin:events_event_history", args=[bodies.pune.pk]))
    part_history = page.content.decode().split('id="part-history"')[1]
    assert "mssidc-publisher" in part_history and "Valedictory session" in part_history


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.EventFactory(),
        lambda: factories.SessionFactory(),
        lambda: factories.EventRoleFactory(),
        lambda: factories.MoUFactory(),
        lambda: factories.B2BMeetingFactory(),
        lambda: factories.OrganisationFactory(),
        lambda: factories.PersonFactory(),
    ],
    ids=["event", "session", "role", "mou", "meeting", "organisation", "person"],
)
def test_create_change_and_delete_each_leave_a_history_row(make):
    obj = make()
    model = type(obj)
    assert model in {Event, Session, EventRole, MoU, B2BMeeting, Organisation, Person}
    obj.save()
    pk = obj.pk
    obj.delete()
    kinds = list(model.history.filter(id=pk).values_list("history_type", flat=True))
    assert kinds == ["-", "~", "+"]


def test_a_deleted_events_history_is_kept_for_administrators(client, bodies):
    pk = bodies.pune.pk
    bodies.pune.delete()
    url = reverse("admin:events_event_history", args=[pk])
    client.force_login(bodies.administrator)
    page = client.get(url)
    assert page.status_code == 200 and "Pune" in page.content.decode()
    # Whose event it was can no longer be told from the event itself.
    client.force_login(bodies.clerk)
    assert client.get(url).status_code == 404


def test_old_versions_are_for_reading_not_reverting(client, bodies):
    client.force_login(bodies.administrator)
    record = bodies.pune.history.first()
    url = reverse("admin:events_event_simple_history", args=[bodies.pune.pk, record.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"title_en": "Reverted"}).status_code == 403
