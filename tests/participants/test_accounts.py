"""Exporters' and buyers' accounts: sign-up, verification, login, password
reset and change of e-mail, each in the participant's language, through the
mail the worker sends (run at once in the tests)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib import auth
from django.contrib.auth.models import User
from django.core.cache import cache

from participants.models import Participant
from portal.models import OutgoingMail
from tests.participants.helpers import PASSWORD, link, participant

pytestmark = pytest.mark.django_db


def sign_up(client, lang, email, password=PASSWORD, **fields):
    data = {"email": email, "password1": password, "password2": password, "fax": ""}
    return client.post(f"/{lang}/account/signup/", data | fields)


def log_in(client, lang, email, password=PASSWORD):
    return client.post(f"/{lang}/account/login/", {"login": email, "password": password})


def logged_in(client):
    return auth.get_user(client).is_authenticated


def test_sign_up_in_marathi_verify_from_the_mail_and_be_logged_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "mr", "meera@kolhapur-spices.example")
    assert response.status_code == 302
    assert not logged_in(client)
    user = User.objects.get(email="meera@kolhapur-spices.example")
    assert user.participant.language == "mr"
    assert not user.is_staff

    [mail] = mailoutbox
    assert mail.to == ["meera@kolhapur-spices.example"]
    assert mail.subject == "तुमच्या ई-मेल पत्त्याची पडताळणी करा"
    assert "पडताळणी करण्यासाठी हा दुवा उघडा" in mail.body
    [(html, mimetype)] = mail.alternatives
    assert mimetype == "text/html"
    assert '<html lang="mr" dir="ltr">' in html
    url = link(mail, "/mr/account/confirm-email/")
    assert f'<a href="{url}"' in html
    # Sent: nothing is left waiting.
    assert not OutgoingMail.objects.exists()

    page = client.get(url)
    assert page.status_code == 200
    assert "होय, पडताळणी करा" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert logged_in(client)
    assert EmailAddress.objects.get(user=user).verified
    # The page they land on names them in the header, in Marathi.
    page = client.get(response.url).content.decode()
    assert "meera@kolhapur-spices.example" in page
    assert "लॉग आउट करा" in page


def test_no_login_until_the_address_is_verified(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "en", "ravi@nashik-valves.example")
    client.logout()
    response = log_in(client, "en", "ravi@nashik-valves.example")
    assert response.status_code == 302
    assert response.url == "/en/account/confirm-email/"
    assert not logged_in(client)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(link(mailoutbox[0], "/confirm-email/"))
    client.logout()
    response = log_in(client, "en", "ravi@nashik-valves.example")
    assert response.status_code == 302
    assert logged_in(client)


def test_password_reset_mail_in_persian_whatever_the_page(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    participant("hosseini@arak-trading.example", lang="fa")
    # Asked for from an English page: written in the participant's language.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/account/password/reset/", {"email": "hosseini@arak-trading.example"}
        )
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.subject == "بازنشانی گذرواژه"
    assert "برای گزینش گذرواژهٔ تازه این پیوند را باز کنید" in mail.body
    assert '<html lang="fa" dir="rtl">' in mail.alternatives[0][0]

    # The link opens the Persian page, where the new password is chosen.
    response = client.get(link(mail, "/fa/account/password/reset/key/"))
    assert response.status_code == 302
    form = client.get(response.url)
    assert "گذرواژهٔ تازه را برگزینید" in form.content.decode()
    new_password = "pomegranate-carpet-7781"
    done = client.post(response.url, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    assert log_in(client, "fa", "hosseini@arak-trading.example", new_password).status_code == 302
    assert logged_in(client)


def test_a_staff_address_gets_no_reset_link(client, mailoutbox, django_capture_on_commit_callbacks):
    User.objects.create_user("clerk", email="clerk@mssidc.example", password="x", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/account/password/reset/", {"email": "clerk@mssidc.example"})
    assert mailoutbox == []


def test_a_change_of_address_is_verified_before_it_is_made(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = participant("anil@pune-forge.example", lang="hi")
    log_in(client, "en", "anil@pune-forge.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/account/email/", {"email": "anil@pune-forge-exports.example", "action_add": ""}
        )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "anil@pune-forge.example"
    page = client.get("/en/account/email/").content.decode()
    assert "Changing to <bdi>anil@pune-forge-exports.example</bdi>" in page

    [mail] = mailoutbox
    assert mail.to == ["anil@pune-forge-exports.example"]
    assert mail.subject == "अपने ईमेल पते की पुष्टि करें"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link(mail, "/hi/account/confirm-email/"))
    user.refresh_from_db()
    assert user.email == "anil@pune-forge-exports.example"
    assert [a.email for a in EmailAddress.objects.filter(user=user)] == [
        "anil@pune-forge-exports.example"
    ]


def test_a_filled_in_trap_refuses_the_sign_up_and_writes_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "mr", "bot@spam.example", fax="+91 20 2612 0000")
    assert response.status_code == 200
    assert "तुमचे साइन अप झाले नाही" in response.content.decode()
    assert not User.objects.exists()
    assert not Participant.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert mailoutbox == []


def test_form_errors_are_in_the_page_language(client):
    response = sign_up(client, "mr", "not-an-address", password2="something-else-entirely")
    page = response.content.decode()
    assert "कृपया अर्ज तपासा" in page
    assert "दोन्ही वेळा तोच गुप्तशब्द लिहा." in page
    assert not User.objects.exists()


def test_too_many_wrong_passwords_stop_the_logins_with_a_clear_message(client):
    participant("kavita@lucknow-chikan.example", lang="hi")
    for _attempt in range(5):
        page = log_in(client, "hi", "kavita@lucknow-chikan.example", "wrong-password-123")
        assert "आपके दिए ईमेल पता या पासवर्ड सही नहीं हैं।" in page.content.decode()
    # Now even the right password is refused, for the address, saying why.
    page = log_in(client, "hi", "kavita@lucknow-chikan.example")
    assert "लॉग इन के बहुत अधिक असफल प्रयास हुए। बाद में फिर प्रयास करें।" in page.content.decode()
    assert not logged_in(client)


def test_too_many_sign_ups_from_one_address_are_refused_in_its_language(client):
    for number in range(10):
        assert sign_up(client, "en", f"firm{number}@example.com").status_code == 302
        client.logout()
    response = sign_up(client, "fa", "firm10@example.com")
    assert response.status_code == 429
    assert "تلاش‌های بیش از اندازه" in response.content.decode()
    assert not User.objects.filter(email="firm10@example.com").exists()


def test_the_back_office_login_is_apart(client):
    staff = User.objects.create_user(
        "mssidc-clerk", email="clerk@mssidc.example", password=PASSWORD, is_staff=True
    )
    # A staff account does not open on the public pages...
    assert "सही नहीं" in log_in(client, "hi", "clerk@mssidc.example").content.decode()
    assert not logged_in(client)
    # ...and the public pages' refusals do not lock it, or its address, out of /admin/.
    for _attempt in range(6):
        log_in(client, "en", "clerk@mssidc.example", "wrong-password-123")
    cache.clear()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "mssidc-clerk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert auth.get_user(client) == staff


def test_a_participant_cannot_enter_the_back_office(client):
    participant("meera@kolhapur-spices.example")
    client.post("/admin/login/", {"username": "meera", "password": PASSWORD})
    assert client.get("/admin/").status_code == 302


def test_addresses_are_typed_left_to_right_on_persian_pages(client):
    for page in ("signup", "login", "password/reset"):
        html = client.get(f"/fa/account/{page}/").content.decode()
        assert 'dir="ltr"' in html.split('type="email"')[1].split(">")[0], page
