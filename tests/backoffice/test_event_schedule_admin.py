"""An official marks an event postponed, rescheduled, cancelled or moved online
(issue 15, point 2): a rescheduled event keeps its first dates without their
being typed again, and what cannot be true is refused in the official's language."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event
from tests.admin_forms import change_form, event_form, form_errors, inline_rows
from tests.factories import EventFactory, EventOrganiserFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pune():
    event = EventFactory(
        title_en="International Buyer-Seller Meet, Pune",
        start_date=datetime.date(2027, 1, 4),
        end_date=datetime.date(2027, 1, 5),
    )
    EventOrganiserFactory(event=event)
    return event


def url(event):
    return reverse("admin:events_event_change", args=[event.pk])


def test_rescheduling_keeps_the_first_dates(admin_client, pune):
    data = {
        **change_form(admin_client, url(pune)),
        "schedule": Event.Schedule.RESCHEDULED,
        "start_date": "2027-03-21",
        "end_date": "2027-03-22",
    }
    response = admin_client.post(url(pune), data)
    assert response.status_code == 302, form_errors(response)
    pune.refresh_from_db()
    assert (pune.start_date, pune.previous_start_date, pune.previous_end_date) == (
        datetime.date(2027, 3, 21),
        datetime.date(2027, 1, 4),
        datetime.date(2027, 1, 5),
    )
    assert pune.schedule == Event.Schedule.RESCHEDULED


def test_rescheduled_without_new_dates_is_refused_in_marathi(admin_client, pune):
    admin_client.cookies["django_language"] = "mr"
    data = {**change_form(admin_client, url(pune)), "schedule": Event.Schedule.RESCHEDULED}
    response = admin_client.post(url(pune), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["start_date"] == [
        "नवीन तारखा आधीच्याच तारखा आहेत."
    ]
    pune.refresh_from_db()
    assert pune.schedule == Event.Schedule.SCHEDULED


def test_a_new_event_cannot_be_rescheduled_from_no_dates(admin_client):
    admin_client.cookies["django_language"] = "hi"
    organiser = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:events_event_add"),
        event_form(
            title_hi="निर्यात कार्यशाला, वाराणसी",
            start_date="2027-02-10",
            schedule=Event.Schedule.RESCHEDULED,
            **inline_rows("organiser_links", [{"organisation": organiser.pk, "role": "organiser"}]),
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["previous_start_date"] == [
        "नई तिथियों पर होने वाला कार्यक्रम अपनी पिछली तिथियाँ रखता है।"
    ]
    assert not Event.objects.exists()


def test_a_cancelled_meet_is_marked_in_the_admin_list(admin_client, pune):
    data = {**change_form(admin_client, url(pune)), "schedule": Event.Schedule.CANCELLED}
    assert admin_client.post(url(pune), data).status_code == 302
    listing = admin_client.get(reverse("admin:events_event_changelist"), {"schedule": "cancelled"})
    assert list(listing.context["cl"].result_list) == [pune]
    assert "Cancelled" in listing.content.decode()
