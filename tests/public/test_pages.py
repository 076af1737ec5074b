"""The accessibility statement and the contact page, as GIGW 3.0 asks."""

import pytest
from django.test import Client

from portal.models import Feedback

pytestmark = pytest.mark.django_db

CONTACT = "/en/contact/"


def feedback(**fields):
    return {
        "name": "Sushma Morthania",
        "email": "",
        "page": "/en/events/international-buyer-seller-meet-pune-2025/",
        "message": "The list of foreign buyers' countries is missing.",
        "fax": "",
        **fields,
    }


@pytest.mark.parametrize("lang", ["en", "hi", "mr", "fa"])
def test_the_accessibility_statement_answers_in_every_language(client, lang):
    response = client.get(f"/{lang}/accessibility/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_the_statement_gives_the_aim_the_limitations_and_how_to_report(client):
    html = client.get("/en/accessibility/").content.decode()
    assert "WCAG" in html and "2.1" in html and "level AA" in html
    assert "GIGW 3.0" in html
    assert "Known limitations" in html
    assert 'href="/en/contact/"' in html


def test_the_contact_page_has_a_protected_form(client):
    html = client.get(CONTACT).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    for name in ("name", "email", "page", "message"):
        assert f'name="{name}"' in html
    assert 'maxlength="3000"' in html


def test_a_link_can_name_the_page_it_concerns(client):
    html = client.get(CONTACT, {"page": "/en/mous/"}).content.decode()
    assert 'value="/en/mous/"' in html


def test_feedback_is_saved_then_the_page_says_thank_you_after_a_redirect(client):
    response = client.post("/mr/contact/", feedback(email="sushma@example.org"))
    assert response.status_code == 302
    assert response["Location"] == "/mr/contact/"
    saved = Feedback.objects.get()
    assert saved.name == "Sushma Morthania"
    assert saved.email == "sushma@example.org"
    assert saved.language == "mr"
    assert saved.page.endswith("pune-2025/")
    assert not saved.handled
    with_message = client.get(response["Location"])
    assert "notice--success" in with_message.content.decode()
    # Shown once only.
    assert "notice--success" not in client.get("/mr/contact/").content.decode()


def test_the_email_is_optional(client):
    assert client.post(CONTACT, feedback()).status_code == 302
    assert Feedback.objects.get().email == ""


def test_errors_are_in_the_visitors_language(client):
    response = client.post("/mr/contact/", feedback(name="", message="", email="not an email"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "हे क्षेत्र आवश्यक आहे." in html  # This field is required.
    assert "योग्य विपत्र पत्ता टाका." in html  # Enter a valid email address.
    assert 'aria-invalid="true"' in html
    # Listed above the form, each error a link to its field.
    assert "<h2>संदेश पाठवला गेला नाही</h2>" in html
    assert '<a href="#id_email">' in html
    assert Feedback.objects.count() == 0


def test_errors_are_in_persian_on_a_persian_page(client):
    html = client.post("/fa/contact/", feedback(message="")).content.decode()
    assert "این فیلد لازم است." in html


def test_the_length_limits_hold(client):
    response = client.post(CONTACT, feedback(message="x" * 3001, name="n" * 121))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"message", "name"}
    assert Feedback.objects.count() == 0


def test_the_honeypot_rejects_a_bot(client):
    response = client.post(CONTACT, feedback(fax="+1 555 0100"))
    assert response.status_code == 200
    assert Feedback.objects.count() == 0
    assert response.context["form"].non_field_errors()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    html = client.get(CONTACT).content.decode()
    assert '<div class="form-trap" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post(CONTACT, feedback()).status_code == 403
    assert Feedback.objects.count() == 0


def test_feedback_reads_as_sent_in_the_back_office(admin_client):
    message = Feedback.objects.create(name="A visitor", message="Hello", language="hi")
    response = admin_client.get(f"/admin/portal/feedback/{message.pk}/change/")
    form = response.context["adminform"].form
    # What the visitor wrote is read-only; staff can mark it handled.
    assert "message" not in form.fields
    assert "name" not in form.fields
    assert set(form.fields) == {"handled", "staff_notes"}
    admin_client.post(
        f"/admin/portal/feedback/{message.pk}/change/",
        {"handled": "on", "staff_notes": "Fixed", "message": "Changed"},
    )
    message.refresh_from_db()
    assert message.handled
    assert message.message == "Hello"
