"""Two officials on one event, and deletions that say what goes with them."""

import pytest
from django.urls import reverse

from events.models import B2BMeeting, Event, MoU
from orgs.models import Organisation
from tests.admin_forms import change_form

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_saves_is_refused(client, bodies):
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    first = change_form(client, url)
    client.force_login(bodies.publisher)
    second = change_form(client, url)
    # The publisher saves first...
    second["venue_en"] = "Hotel Orchid, Pune"
    assert client.post(url, second).status_code == 302
    # ...then the clerk, whose form still shows the event as it was.
    client.force_login(bodies.clerk)
    client.cookies["django_language"] = "hi"
    first["venue_en"] = "Yashada, Pune"
    response = client.post(url, first)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "mssidc-publisher" in message
    assert "आपके बदलाव" in message
    bodies.pune.refresh_from_db()
    assert bodies.pune.venue_en == "Hotel Orchid, Pune"


def test_a_publication_meanwhile_also_counts_as_a_change(client, bodies):
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.publisher)
    stale = change_form(client, url)
    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "unpublish", "_selected_action": [bodies.pune.pk]},
    )
    response = client.post(url, stale)
    assert response.status_code == 200
    assert Event.objects.get(pk=bodies.pune.pk).status == Event.Status.DRAFT


def test_saving_twice_in_a_row_is_not_a_conflict(client, bodies):
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    assert client.post(url, change_form(client, url)).status_code == 302
    assert client.post(url, change_form(client, url)).status_code == 302


def test_deleting_an_event_says_what_goes_with_it_and_what_stays(client, bodies):
    client.force_login(bodies.clerk)
    url = reverse("admin:events_event_delete", args=[bodies.pune.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "B2B meetings: 1" in html and "sessions: 1" in html.lower()
    assert "1 MoU signed at this event will be kept, without its event." in html
    assert Event.objects.filter(pk=bodies.pune.pk).exists()  # asking is not deleting
    client.post(url, {"post": "yes"})
    assert not Event.objects.filter(pk=bodies.pune.pk).exists()
    assert not B2BMeeting.objects.filter(event_id=bodies.pune.pk).exists()
    assert MoU.objects.filter(title_en__startswith="MoU", event=None).count() == 1


def test_an_organisation_that_organises_events_cannot_be_deleted(client, bodies):
    client.force_login(bodies.administrator)
    url = reverse("admin:orgs_organisation_delete", args=[bodies.up.pk])
    page = client.get(url)
    assert page.context["protected"]
    assert "DIEP-UP) – Organiser, Export promotion review meeting, Lucknow" in page.content.decode()
    client.post(url, {"post": "yes"})
    assert Organisation.objects.filter(pk=bodies.up.pk).exists()


def test_an_mou_saved_on_its_own_page_is_not_undone_from_the_events_page(client, bodies):
    """The MoU forms on an event's page carry their version too (issue 15, point 11)."""
    event_url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    client.force_login(bodies.clerk)
    opened = change_form(client, event_url)
    # Meanwhile the publisher rewrites the MoU's purpose on the MoU's own page.
    mou = bodies.pune.agreements.get()
    mou_url = reverse("admin:events_mou_change", args=[mou.pk])
    client.force_login(bodies.publisher)
    on_its_page = change_form(client, mou_url)
    on_its_page["purpose_en"] = "Joint export promotion of Pune engineering firms."
    assert client.post(mou_url, on_its_page).status_code == 302
    # The clerk saves the event page opened before, changing only the title.
    client.force_login(bodies.clerk)
    opened["title_en"] = "2nd International Buyer-Seller Meet, Pune (revised)"
    response = client.post(event_url, opened)
    assert response.status_code == 200
    errors = [str(e) for f in response.context["inline_admin_formsets"] for e in f.formset.errors]
    assert any("mssidc-publisher" in error for error in errors)
    mou.refresh_from_db()
    assert mou.purpose_en == "Joint export promotion of Pune engineering firms."
    bodies.pune.refresh_from_db()
    assert not bodies.pune.title_en.endswith("(revised)")
