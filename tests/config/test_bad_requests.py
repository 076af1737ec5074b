"""A request the portal cannot read is a 400 with a message in the visitor's
language, never a server error: a form declared in another character set,
or any body in any declared charset, posted to every form the portal has."""

import pytest
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_errors")]

FORMS = ["/en/contact/", "/mr/contact/", "/fa/contact/", "/admin/login/", "/i18n/setlang/"]
# Also a list page, which takes no POST: the CSRF check reads the form first.
ADDRESSES = [*FORMS, "/en/events/"]
URLENCODED = "application/x-www-form-urlencoded"


@pytest.fixture
def production_errors():
    """Error pages as visitors get them: DEBUG off (the debug page reads the form again)."""
    with override_settings(DEBUG=False):
        yield


def visitor():
    """A visitor who has a CSRF cookie (any well-formed value), as a browser would."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


def post(client, url, body, content_type):
    return client.generic("POST", url, data=body, content_type=content_type)


@pytest.mark.parametrize("charset", ["utf-7", "utf-16", "latin-1", "cp1256"])
@pytest.mark.parametrize("url", ADDRESSES)
def test_a_form_in_another_character_set_is_a_400_with_a_message(url, charset):
    response = post(
        visitor(), url, b"name=Vilas&message=%E9t%E9", f"{URLENCODED}; charset={charset}"
    )
    assert response.status_code == 400
    with translation.override(translation.get_language_from_path(url) or "en"):
        assert gettext("The request could not be read") in response.content.decode()


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/mr/contact/", "विनंती वाचता आली नाही"), ("/fa/contact/", "درخواست خوانده نشد")],
)
def test_the_message_is_in_the_pages_language(url, heading):
    response = post(visitor(), url, b"name=x", f"{URLENCODED}; charset=latin-1")
    assert response.status_code == 400
    assert heading in response.content.decode()


CHARSETS = st.sampled_from(["", "utf-8", "UTF-8", "utf-7", "utf-16", "utf-32", "latin-1",
                            "iso-8859-6", "cp1256", "shift_jis", "x-unknown"])  # fmt: skip
CONTENT_TYPES = st.sampled_from([URLENCODED, "multipart/form-data; boundary=xyz", "text/plain"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    url=st.sampled_from(FORMS),
    content_type=CONTENT_TYPES,
    # Any name, but control characters: the HTTP server (gunicorn) refuses
    # a header holding one before the portal sees it.
    charset=st.one_of(
        CHARSETS, st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=12)
    ),
    body=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=100).map(lambda text: f"name={text}&message={text}".encode()),
    ),
)
def test_no_form_body_in_any_charset_is_a_server_error(url, content_type, charset, body):
    declared = f"{content_type}; charset={charset}" if charset else content_type
    response = post(visitor(), url, body, declared)
    assert response.status_code < 500, (url, declared, body)
