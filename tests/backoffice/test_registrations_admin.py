"""The organisers' side of registrations: their list within their scope,
counts, approving and rejecting through the rules, the history, the
participant's document, the export, and the event page's settings."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from orgs.models import Organisation
from participants import registrations
from participants.models import Registration, RegistrationQuestion, RegistrationSettings
from tests import factories
from tests.admin_forms import change_form, form_errors, inline_rows
from tests.participants.helpers import member
from tests.report_files import content, report_text

pytestmark = pytest.mark.django_db

Status = Registration.Status
SELLER, BUYER = Registration.Kind.SELLER, Registration.Kind.BUYER
LIST = reverse("admin:participants_registration_changelist")


def change_url(registration):
    return reverse("admin:participants_registration_change", args=[registration.pk])


def register(event, name, kind=SELLER, lang="en", **fields):
    firm = factories.OrganisationFactory(name_en=name, kind=Organisation.Kind.MSME)
    user = member(f"{firm.slug}@example.in", firm, lang)
    return registrations.register(user, event, firm, kind, **fields)


@pytest.fixture
def meets(bodies, django_capture_on_commit_callbacks):
    """Pune (MSSIDC's) with two places for sellers, one for buyers; Lucknow (Uttar Pradesh's)."""
    factories.RegistrationSettingsFactory(event=bodies.pune, seller_places=2, buyer_places=1)
    factories.RegistrationSettingsFactory(event=bodies.lucknow)
    return bodies


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


def test_an_official_lists_and_counts_the_registrations_of_their_events_only(client, meets):
    register(meets.pune, "Kolhapur Textiles")
    register(meets.pune, "Nashik Grapes")
    register(meets.pune, "Satara Forge")  # no seller's place left: waiting
    register(meets.pune, "Dubai Traders", BUYER)
    register(meets.lucknow, "Agra Leather")
    client.force_login(meets.clerk)
    page = client.get(LIST)
    firms = {str(r.organisation) for r in page.context["cl"].result_list}
    assert firms == {"Kolhapur Textiles", "Nashik Grapes", "Satara Forge", "Dubai Traders"}
    counts = dict(page.context["counts"]["status"])
    assert counts["Received"] == 3 and counts["On the waiting list"] == 1
    assert dict(page.context["counts"]["kind"]) == {
        "Seller (exporter)": 3,
        "Buyer": 1,
        "Visitor": 0,
    }
    # The counts follow the filter.
    page = client.get(LIST, {"kind__exact": BUYER})
    assert dict(page.context["counts"]["status"])["Received"] == 1
    # Searched by the firm's name.
    page = client.get(LIST, {"q": "nashik"})
    assert [str(r.organisation) for r in page.context["cl"].result_list] == ["Nashik Grapes"]
    # Only their events are offered as a filter.
    html = page.content.decode()
    assert "Pune" in html and "Lucknow" not in html


def test_the_list_queries_do_not_grow_with_the_registrations(admin_client, meets):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(LIST).status_code == 200
        return len(ctx)

    register(meets.pune, "Kolhapur Textiles")
    register(meets.lucknow, "Agra Leather")
    with_2 = count()
    for n in range(8):
        register(meets.lucknow, f"Kanpur Leather {n}")
    assert count() == with_2


def test_another_states_official_reaches_nothing_outside_their_scope(client, meets):
    lucknow = register(meets.lucknow, "Agra Leather")
    pune = register(meets.pune, "Kolhapur Textiles")
    client.force_login(meets.publisher)  # MSSIDC's: Pune is theirs, Lucknow is not
    assert client.get(change_url(lucknow)).status_code == 404
    decide = reverse("admin:participants_registration_decide", args=[lucknow.pk])
    assert client.post(decide, {"_approve": "1"}).status_code == 404
    client.post(LIST, {"action": "approve_selected", "_selected_action": [lucknow.pk, pune.pk]})
    assert status_of(lucknow) == Status.RECEIVED
    assert status_of(pune) == Status.APPROVED


def test_bulk_approval_reports_each_refusal_and_approves_the_rest(
    client, meets, django_capture_on_commit_callbacks
):
    first = register(meets.pune, "Kolhapur Textiles")
    second = register(meets.pune, "Nashik Grapes")
    waiting = register(meets.pune, "Satara Forge")
    client.force_login(meets.publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LIST,
            {"action": "approve_selected", "_selected_action": [first.pk, second.pk, waiting.pk]},
            follow=True,
        )
    notes = [str(m) for m in response.context["messages"]]
    assert "Satara Forge: No place is free for this kind of participant." in notes
    assert "2 registrations approved." in notes
    assert [status_of(r) for r in (first, second, waiting)] == [
        Status.APPROVED,
        Status.APPROVED,
        Status.WAITLISTED,
    ]
    # Whoever approved is on record.
    assert first.history.first().history_user == meets.publisher
    assert first.history.first().status == Status.APPROVED


def test_a_data_entry_official_reads_but_does_not_decide(client, meets):
    registration = register(meets.pune, "Kolhapur Textiles")
    client.force_login(meets.clerk)
    page = client.get(LIST)
    assert "approve_selected" not in dict(page.context["action_form"].fields["action"].choices)
    client.post(LIST, {"action": "approve_selected", "_selected_action": [registration.pk]})
    decide = reverse("admin:participants_registration_decide", args=[registration.pk])
    assert client.post(decide, {"_approve": "1"}).status_code == 403
    assert status_of(registration) == Status.RECEIVED
    assert 'name="_approve"' not in client.get(change_url(registration)).content.decode()


def test_rejecting_asks_a_reason_in_hindi_then_mails_it(
    client, meets, django_capture_on_commit_callbacks
):
    registration = register(meets.pune, "Kolhapur Textiles", lang="hi")
    mail.outbox.clear()
    client.force_login(meets.publisher)
    client.cookies["django_language"] = "hi"
    chosen = {"action": "reject_selected", "_selected_action": [registration.pk]}
    page = client.post(LIST, chosen)
    html = page.content.decode()
    assert "पंजीकरण अस्वीकार करें" in html and "Kolhapur Textiles" in html
    for english in ("will be rejected", "Reason, told to each participant", "Reject them"):
        assert english not in html
    # No reason: asked again, nothing rejected.
    page = client.post(LIST, {**chosen, "post": "yes", "reason": " "})
    assert page.status_code == 200 and "कारण" in page.content.decode()
    assert status_of(registration) == Status.RECEIVED and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post(LIST, {**chosen, "post": "yes", "reason": "पंजीकरण संख्या अमान्य है।"})
    assert status_of(registration) == Status.REJECTED
    assert registration.reason == "पंजीकरण संख्या अमान्य है।"
    [sent] = mail.outbox
    assert "पंजीकरण संख्या अमान्य है।" in sent.body


def test_the_change_page_shows_answers_beside_the_profile_and_decides(client, meets):
    question = RegistrationQuestion.objects.create(
        event=meets.pune,
        text_en="Do you export already?",
        text_hi="क्या आप पहले से निर्यात करते हैं?",
        answer=RegistrationQuestion.Answer.YES_NO,
    )
    registration = register(
        meets.pune, "Kolhapur Textiles", answers={str(question.pk): "yes"}, lang="mr"
    )
    Organisation.objects.filter(pk=registration.organisation_id).update(
        iec="0305012345", offers="Cotton sarees", verified=False
    )
    registration.organisation.hs_codes.set(["5208"])
    client.force_login(meets.publisher)
    client.cookies["django_language"] = "hi"
    html = client.get(change_url(registration)).content.decode()
    assert "क्या आप पहले से निर्यात करते हैं?" in html and "हाँ" in html
    assert "0305012345" in html and "Cotton sarees" in html
    assert "<bdi>5208</bdi> Woven fabrics of cotton" in html
    assert registration.user.email in html
    decide = reverse("admin:participants_registration_decide", args=[registration.pk])
    assert "_approve" in html and decide in html
    client.post(decide, {"_reject": "1", "reason": ""})
    assert status_of(registration) == Status.RECEIVED
    client.post(decide, {"_approve": "1"})
    assert status_of(registration) == Status.APPROVED


def test_the_document_is_downloaded_by_staff_of_the_scope_only(client, meets, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    document = SimpleUploadedFile("rcmc.pdf", b"%PDF-1.4 certificate", "application/pdf")
    registration = register(meets.pune, "Kolhapur Textiles", document=document)
    url = reverse("admin:participants_registration_document", args=[registration.pk])
    assert client.get(url).status_code == 302  # to the login
    member_user = registration.user
    client.force_login(member_user)
    assert client.get(url).status_code == 302  # not staff
    client.force_login(
        factories.staff_with("view_registration", username="up-clerk", organisations=[meets.up])
    )
    assert client.get(url).status_code == 404
    client.force_login(meets.clerk)
    assert url in client.get(change_url(registration)).content.decode()
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment")
    assert content(response) == b"%PDF-1.4 certificate"


@pytest.mark.parametrize(("lang", "fmt"), [("hi", "xlsx"), ("fa", "csv"), ("hi", "pdf")])
def test_the_export_of_one_event_has_its_answers_in_the_officials_language(
    client, meets, lang, fmt, tmp_path
):
    question = RegistrationQuestion.objects.create(
        event=meets.pune, text_en="Main product", text_hi="मुख्य उत्पाद", text_fa="محصول اصلی"
    )
    register(meets.pune, "Kolhapur Textiles", answers={str(question.pk): "पैठणी साड़ी"})
    register(meets.lucknow, "Agra Leather")
    client.force_login(meets.publisher)
    response = client.get(
        reverse("admin-reports"),
        {"report": "registrations", "event": meets.pune.slug, "language": lang, "format": fmt},
    )
    text = report_text(content(response), fmt, tmp_path)
    assert "पैठणी साड़ी" in text and "Kolhapur Textiles" in text
    assert "Agra Leather" not in text
    if fmt != "pdf":  # pdftotext reads a conjunct's glyphs back in another order
        assert {"hi": "मुख्य उत्पाद", "fa": "محصول اصلی"}[lang] in text


def test_the_export_reads_the_officials_scope_in_constant_queries(client, meets):
    register(meets.pune, "Kolhapur Textiles")
    register(meets.lucknow, "Agra Leather")
    client.force_login(meets.publisher)

    def export():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(
                reverse("admin-reports"),
                {"report": "registrations", "language": "en", "format": "csv"},
            )
            text = content(response).decode("utf-8-sig")
        return text, len(ctx)

    text, queries = export()
    assert "Kolhapur Textiles" in text and "Agra Leather" not in text
    for n in range(5):
        register(meets.pune, f"Kolhapur Foundry {n}", BUYER if n == 0 else SELLER)
    assert export()[1] == queries


def test_the_event_page_sets_registration_and_its_questions(client, bodies):
    client.force_login(bodies.publisher)
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    data = change_form(client, url)
    data.update(
        {
            **inline_rows(
                "registration_settings",
                [
                    {
                        "closes_at_0": "2030-01-10",
                        "closes_at_1": "18:00",
                        "seller_places": "४०",
                        "buyer_places": "10",
                        "visitor_places": "0",
                        "approval_required": "on",
                        "offer_hours": "48",
                    }
                ],
            ),
            **inline_rows(
                "registration_questions",
                [{"text_hi": "मुख्य उत्पाद", "answer": "text", "position": "1", "kinds": ["seller"]}],
            ),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert RegistrationSettings.objects.get(event=bodies.pune).seller_places == 40
    [question] = bodies.pune.registration_questions.all()
    assert question.kinds == ["seller"]


def test_save_as_new_copies_the_questions_and_the_settings(client, meets):
    RegistrationQuestion.objects.create(event=meets.pune, text_en="Main product")
    client.force_login(meets.publisher)
    url = reverse("admin:events_event_change", args=[meets.pune.pk])
    data = {**change_form(client, url), "_saveasnew": "Save as new", "title_en": "Pune meet 2"}
    # A date and time is two inputs (tests.admin_forms.change_form posts one).
    data["registration_settings-0-closes_at_0"] = "2030-01-10"
    data["registration_settings-0-closes_at_1"] = "18:00"
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    copy = Event.objects.get(title_en="Pune meet 2")
    assert RegistrationSettings.objects.filter(event__in=[meets.pune, copy]).count() == 2
    assert [q.text for q in copy.registration_questions.all()] == ["Main product"]


def test_export_selected_of_one_event_has_a_column_per_question(client, meets):
    question = RegistrationQuestion.objects.create(event=meets.pune, text_en="Main product")
    chosen = register(meets.pune, "Kolhapur Textiles", answers={str(question.pk): "Sarees"})
    register(meets.pune, "Nashik Grapes")
    client.force_login(meets.publisher)
    response = client.post(LIST, {"action": "export_selected_csv", "_selected_action": [chosen.pk]})
    text = content(response).decode("utf-8-sig").splitlines()
    assert text[0].endswith(",Main product") and text[1].endswith(",Sarees")
    assert len(text) == 2
