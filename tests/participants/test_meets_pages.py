"""The participant's pages of meets: the event page's register panel, the
registration form, My meets with its actions, the data download and the
account's deletion."""

import datetime
import json

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from events.models import Event
from orgs.models import Organisation
from participants import registrations
from participants.models import Registration, RegistrationQuestion
from portal.page_cache import CONTENT, tag_version
from tests import factories
from tests.participants.helpers import PASSWORD, member, participant

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def meet():
    reg_settings = factories.RegistrationSettingsFactory(seller_places=1, buyer_places=1)
    RegistrationQuestion.objects.create(
        event=reg_settings.event,
        text_en="Do you need an interpreter?",
        text_mr="तुम्हाला दुभाष्याची गरज आहे का?",
        text_fa="آیا به مترجم شفاهی نیاز دارید؟",
        answer=RegistrationQuestion.Answer.YES_NO,
        required=True,
    )
    return reg_settings


def msme(name="Nashik Precision Tools", **fields):
    return factories.OrganisationFactory(name_en=name, kind=Organisation.Kind.MSME, **fields)


def register_url(meet, lang):
    return f"/{lang}/account/meets/register/{meet.event.slug}/"


def post_registration(client, meet, lang, firm, kind="seller", **answers):
    question = RegistrationQuestion.objects.get(event=meet.event)
    data = {"firm": firm.pk, "kind": kind, f"question_{question.pk}": "no", **answers}
    return client.post(register_url(meet, lang), data)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_event_page_offers_registration_with_places_and_deadline(client, meet):
    event_page = client.get(f"/mr{meet.event.get_absolute_url()[3:]}").content.decode()
    places_url = f"/mr/events/{meet.event.slug}/places/"
    assert f'data-places-url="{places_url}?fragment=1"' in event_page
    places = client.get(places_url).content.decode()
    assert register_url(meet, "mr") in places
    assert "उरलेल्या जागा: १" in places  # one place left, in Devanagari digits
    firm = msme()
    registrations.register(member("a@example.in", firm), meet.event, firm, "seller")
    fragment = client.get(places_url, {"fragment": "1"}).content.decode()
    assert "भरलेले: नवीन नोंदण्या प्रतीक्षा यादीत जातात" in fragment
    assert "<html" not in fragment


def test_a_registration_leaves_the_page_cache_alone(
    client, meet, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    firm = msme()
    user = member("a@example.in", firm)
    event_tag = f"events.event:{meet.event.pk}"
    before = tag_version(CONTENT), tag_version(event_tag)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user, meet.event, firm, "seller")
    assert (tag_version(CONTENT), tag_version(event_tag)) == before


def test_a_marathi_msme_registers_and_finds_it_in_its_meets(client, meet):
    firm = msme()
    client.force_login(member("owner@example.in", firm, "mr"))
    form = client.get(register_url(meet, "mr")).content.decode()
    assert "तुम्हाला दुभाष्याची गरज आहे का?" in form
    response = post_registration(client, meet, "mr", firm)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.organisation, registration.status) == (firm, Status.RECEIVED)
    question = RegistrationQuestion.objects.get()
    assert registration.answers == {str(question.pk): "no"}
    page = client.get("/mr/account/meets/").content.decode()
    assert "प्राप्त" in page  # received
    assert "नोंदणी रद्द करा" in page


def test_a_required_question_unanswered_is_an_error_in_persian(client, meet):
    firm = msme()
    client.force_login(member("buyer@example.ir", firm, "fa"))
    response = client.post(register_url(meet, "fa"), {"firm": firm.pk, "kind": "buyer"})
    assert response.status_code == 200
    assert "به این پرسش پاسخ دهید." in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("deadline", "या कार्यक्रमासाठी नोंदणी खुली नाही."),
        ("forged firm", "तुम्ही ज्या फर्मतर्फे काम करता, फक्त तिचीच नोंदणी करू शकता."),
        ("eligibility", "विक्रेत्यांकडे IEC असणे आवश्यक आहे"),
        ("document", "RCMC प्रमाणपत्र"),
    ],
)
def test_a_refused_registration_says_why_in_marathi_and_writes_nothing(
    client, meet, change, message
):
    firm = msme()
    client.force_login(member("owner@example.in", firm, "mr"))
    posted_firm = firm
    if change == "deadline":
        meet.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        meet.save()
    elif change == "forged firm":
        posted_firm = msme("Someone else's firm")
    elif change == "eligibility":
        meet.sellers_need_iec = True
        meet.save()
    else:
        meet.document_required = "RCMC प्रमाणपत्र"
        meet.save()
    response = post_registration(client, meet, "mr", posted_firm)
    assert message in response.content.decode()
    assert not Registration.objects.exists()
    assert not mail.outbox
    if change == "eligibility":
        # Not offered as a choice either: only as a buyer may this firm register.
        assert [value for value, _ in response.context["form"].fields["kind"].choices] == ["buyer"]


def test_a_draft_event_has_no_registration_page(client, meet):
    Event.objects.filter(pk=meet.event_id).update(status=Event.Status.DRAFT)
    firm = msme()
    client.force_login(member("owner@example.in", firm))
    assert client.get(register_url(meet, "en")).status_code == 404
    assert post_registration(client, meet, "en", firm).status_code == 404
    assert not Registration.objects.exists()


def test_without_a_firm_the_participant_is_sent_to_say_which(client, meet):
    client.force_login(participant("new@example.in", "hi"))
    response = client.get(register_url(meet, "hi"))
    assert response.status_code == 302
    assert response.url == "/hi/account/firm/"


def test_another_participants_registration_is_out_of_reach(client, meet):
    firm = msme()
    theirs = registrations.register(member("a@example.in", firm), meet.event, firm, "seller")
    client.force_login(member("b@example.in", msme("Other")))
    assert client.post(f"/en/account/meets/{theirs.pk}/cancel/").status_code == 404
    assert client.post("/en/account/meets/999999/cancel/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.RECEIVED
    # Nor does their firm show on the other's page.
    assert "Nashik Precision Tools" not in client.get("/en/account/meets/").content.decode()


def test_cancelling_offers_the_place_to_the_next_who_takes_it_up(client, meet):
    first_firm, second_firm = msme("First"), msme("Second")
    first = member("first@example.in", first_firm)
    second = member("second@example.in", second_firm, "hi")
    registrations.register(first, meet.event, first_firm, "seller")
    waiting = registrations.register(second, meet.event, second_firm, "seller")
    assert waiting.status == Status.WAITLISTED
    client.force_login(first)
    mine = Registration.objects.get(user=first)
    client.post(f"/en/account/meets/{mine.pk}/cancel/")
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    client.force_login(second)
    page = client.get("/hi/account/meets/").content.decode()
    assert "स्थान स्वीकार करें" in page
    response = client.post(f"/hi/account/meets/{waiting.pk}/accept/", follow=True)
    assert "आपने स्थान स्वीकार कर लिया है।" in messages_of(response)
    waiting.refresh_from_db()
    assert waiting.status == Status.RECEIVED


def test_the_participant_downloads_their_data(client, meet):
    firm = msme()
    user = member("owner@example.in", firm, "mr")
    registrations.register(
        user,
        meet.event,
        firm,
        "seller",
        answers={str(RegistrationQuestion.objects.get().pk): "yes"},
    )
    client.force_login(user)
    response = client.get("/mr/account/meets/my-data.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "owner@example.in"
    assert data["account"]["language"] == "mr"
    # Names in the language of the page it was downloaded from.
    assert data["firms"][0]["firm"] == firm.name_mr
    [registration] = data["registrations"]
    assert registration["status"] == "received"
    assert registration["answers"] == {"तुम्हाला दुभाष्याची गरज आहे का?": "yes"}


def test_deleting_the_account_keeps_the_firm_and_anonymises_its_registrations(client, meet):
    firm = msme()
    user = member("owner@example.in", firm, "fa")
    question = RegistrationQuestion.objects.get()
    registrations.register(user, meet.event, firm, "seller", answers={str(question.pk): "yes"})
    client.force_login(user)
    wrong = client.post("/fa/account/meets/delete-account/", {"password": "not it"})
    assert "گذرواژه درست نیست." in wrong.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    client.post("/fa/account/meets/delete-account/", {"password": PASSWORD})
    assert not User.objects.filter(pk=user.pk).exists()
    registration = Registration.objects.get()
    assert (registration.user, registration.answers) == (None, {})
    assert registration.organisation == firm
    assert not Registration.history.filter(user_id=user.pk).exists()
    assert Organisation.objects.filter(pk=firm.pk).exists()


def test_mails_follow_the_language_the_participant_chooses(
    client, meet, django_capture_on_commit_callbacks
):
    firm = msme()
    user = member("owner@example.in", firm, "mr")
    client.force_login(user)
    response = client.post("/mr/account/meets/language/", {"language": "fa"}, follow=True)
    assert "पोर्टल तुम्हाला याच भाषेत लिहील." in messages_of(response)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(user, meet.event, firm, "seller")
    [received] = mail.outbox
    assert received.subject.startswith("ثبت‌نام دریافت شد")
    assert client.post("/mr/account/meets/language/", {"language": "xx"}).status_code == 302
    user.participant.refresh_from_db()
    assert user.participant.language == "fa"


def test_no_public_page_shows_a_participants_address(client, meet):
    firm = msme(verified=True)
    user = member("private.owner@example.in", firm)
    registrations.register(user, meet.event, firm, "seller")
    for path in (
        meet.event.get_absolute_url(),
        firm.get_absolute_url(),
        "/en/organisations/",
        f"/api/organisations/{firm.slug}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "private.owner@example.in" not in response.content.decode(), path
