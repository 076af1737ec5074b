import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("mr-IN,mr;q=0.9,en;q=0.5", "/mr/"),
        ("fa", "/fa/"),
        ("hi", "/hi/"),
        ("de-DE", "/en/"),
        ("", "/en/"),
    ],
)
def test_the_root_sends_visitors_to_their_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_an_unknown_page_is_a_404_in_the_visitors_language(client):
    response = client.get("/mr/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="mr"' in html
