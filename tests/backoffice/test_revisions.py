"""A data-entry official's change to a published event waits for a publisher
(issue 15, point 4): the public page keeps the approved event; a publisher of
its scope sees the change field by field in their language and approves it,
or rejects it with a reason."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from access.models import Membership
from access.roles import PUBLISHER
from events.models import Event, EventRevision
from tests.admin_forms import change_form
from tests.factories import EventRoleFactory, SessionFactory

pytestmark = pytest.mark.django_db

NEW_TITLE = "2nd International Buyer-Seller Meet, Pune (revised)"


@pytest.fixture
def proposed(client, bodies):
    """The MSSIDC clerk changes the published Pune meet's title."""
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    data = change_form(client, url)
    data["title_en"] = NEW_TITLE
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response


def review_url(revision):
    return reverse("admin:events_eventrevision_change", args=[revision.pk])


def test_the_change_waits_and_the_public_page_keeps_the_event(client, bodies, proposed):
    bodies.pune.refresh_from_db()
    assert bodies.pune.title_en != NEW_TITLE
    revision = EventRevision.objects.get()
    assert (revision.event, revision.proposed_by, revision.status) == (
        bodies.pune,
        bodies.clerk,
        EventRevision.Status.PENDING,
    )
    assert any("kept for a publisher's approval" in str(m) for m in proposed.context["messages"])
    public = client.get(bodies.pune.get_absolute_url()).content.decode()
    assert NEW_TITLE not in public and bodies.pune.title_en in public


def test_a_publisher_approves_it_in_marathi(client, bodies, proposed):
    revision = EventRevision.objects.get()
    client.force_login(bodies.publisher)
    client.cookies["django_language"] = "mr"
    home = client.get(reverse("admin:index")).content.decode()
    assert "मंजुरीच्या प्रतीक्षेतील बदल" in home and review_url(revision) in home
    review = client.get(review_url(revision))
    assert review.status_code == 200
    assert [(before, after) for _label, before, after in review.context["fields"]] == [
        (bodies.pune.title_en, NEW_TITLE)
    ]
    assert review.context["fields"][0][0] == "शीर्षक [en]"
    response = client.post(review_url(revision), {"_approve": "1"})
    assert response.status_code == 302
    bodies.pune.refresh_from_db()
    assert bodies.pune.title_en == NEW_TITLE
    revision.refresh_from_db()
    assert (revision.status, revision.decided_by) == (
        EventRevision.Status.APPROVED,
        bodies.publisher,
    )
    assert bodies.pune.history.first().history_user == bodies.publisher
    english_page = f"/en/events/{bodies.pune.slug}/"
    assert NEW_TITLE in client.get(english_page).content.decode()


def test_a_change_to_an_event_whose_roles_name_its_sessions_is_approved(client, bodies):
    """The review page is the revision's, not the event's: the roles' sessions
    are still checked against the event's own."""
    opening = SessionFactory(event=bodies.pune, title_en="Inaugural session")
    EventRoleFactory(event=bodies.pune, session=opening)
    # Another event's revision first, so that this one's number is not the event's.
    EventRevision.objects.create(event=bodies.lucknow, proposed_by=bodies.clerk, data={})
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    data = {**change_form(client, url), "title_en": NEW_TITLE}
    assert client.post(url, data).status_code == 302
    revision = EventRevision.objects.get(event=bodies.pune)
    assert revision.pk != bodies.pune.pk
    client.force_login(bodies.publisher)
    assert client.post(review_url(revision), {"_approve": "1"}).status_code == 302
    bodies.pune.refresh_from_db()
    assert bodies.pune.title_en == NEW_TITLE
    assert bodies.pune.roles.filter(session=opening).count() == 1


def test_a_change_that_no_longer_holds_says_which_part_and_why(client, bodies):
    opening = SessionFactory(event=bodies.pune, title_en="Inaugural session")
    EventRoleFactory(event=bodies.pune, session=opening, person__name_en="Vikas Pansare")
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    assert client.post(url, {**change_form(client, url), "title_en": NEW_TITLE}).status_code == 302
    revision = EventRevision.objects.get()
    opening.delete()  # with its roles, before the approval
    client.force_login(bodies.publisher)
    response = client.post(review_url(revision), {"_approve": "1"})
    assert response.status_code == 409
    assert response.context["errors"] == [
        "Sessions (Inaugural session): deleted after the change was proposed.",
        "Roles at the event (Shri Vikas Pansare – Chief guest): "
        "deleted after the change was proposed.",
    ]


def test_a_rejection_needs_its_reason(client, bodies, proposed):
    revision = EventRevision.objects.get()
    client.force_login(bodies.publisher)
    assert client.post(review_url(revision), {"_reject": "1", "reason": " "}).status_code == 400
    reason = "The title is the one on the invitation; keep it."
    assert client.post(review_url(revision), {"_reject": "1", "reason": reason}).status_code == 302
    revision.refresh_from_db()
    assert (revision.status, revision.reason) == (EventRevision.Status.REJECTED, reason)
    bodies.pune.refresh_from_db()
    assert bodies.pune.title_en != NEW_TITLE


def test_only_a_publisher_of_its_scope_decides(client, bodies, proposed):
    revision = EventRevision.objects.get()
    client.force_login(bodies.clerk)  # sees it, cannot decide
    assert client.get(review_url(revision)).status_code == 200
    assert client.post(review_url(revision), {"_approve": "1"}).status_code == 403
    up_publisher = User.objects.create_user("up-publisher", password="x", is_staff=True)
    up_publisher.groups.add(Group.objects.get(name=PUBLISHER))
    Membership.objects.create(user=up_publisher, organisation=bodies.up)
    client.force_login(up_publisher)
    assert client.get(review_url(revision)).status_code == 404
    assert client.post(review_url(revision), {"_approve": "1"}).status_code == 404
    assert EventRevision.objects.get().status == EventRevision.Status.PENDING


def test_a_change_proposed_before_another_save_is_not_approved_over_it(client, bodies, proposed):
    revision = EventRevision.objects.get()
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.publisher)
    data = change_form(client, url)
    data["venue_en"] = "Hotel Orchid, Pune"
    assert client.post(url, data).status_code == 302
    response = client.post(review_url(revision), {"_approve": "1"})
    assert response.status_code == 409
    assert any("mssidc-publisher" in error for error in response.context["errors"])
    bodies.pune.refresh_from_db()
    assert (bodies.pune.venue_en, bodies.pune.title_en != NEW_TITLE) == ("Hotel Orchid, Pune", True)


def test_a_draft_changes_at_once(client, bodies):
    Event.objects.filter(pk=bodies.pune.pk).update(status=Event.Status.DRAFT)
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    data = change_form(client, url)
    data["title_en"] = NEW_TITLE
    assert client.post(url, data).status_code == 302
    bodies.pune.refresh_from_db()
    assert bodies.pune.title_en == NEW_TITLE
    assert not EventRevision.objects.exists()
