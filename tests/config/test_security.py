"""Hardening: what production sends, how often a login may fail, how long a session lasts."""

import datetime
import json
import os
import secrets
import subprocess
import sys
from functools import partial

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import F
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from config.settings import client_ip_address

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-passphrase"

# Variables of the developer's or CI's shell that would change what production means here.
OWN_SETTINGS = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "CLIENT_IP_HEADER",
    "TRUSTED_PROXY_COUNT",
    "DATABASE_REPLICA_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "MEDIA_URL",
    "TRUSTED_PROXY_NETWORKS",
)


def production(tmp_path, **variables):
    """The environment of a production process: DEBUG off, a strong key, a host, a database."""
    env = {k: v for k, v in os.environ.items() if k not in OWN_SETTINGS}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        **variables,
    }


def run(env, *args):
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


# Requests to the production settings, made in their own process: the answers
# a browser would get from http:// and https:// addresses.
PROBE = """
import json
import django
django.setup()
from django.test import Client

client = Client(HTTP_HOST="portal.example.org")
answers = {}
for name, path, extra in [
    ("http", "/robots.txt", {}),
    ("https", "/robots.txt", {"secure": True}),
    ("forwarded https", "/robots.txt", {"HTTP_X_FORWARDED_PROTO": "https"}),
    ("healthz over http", "/healthz", {}),
]:
    response = client.get(path, **extra)
    answers[name] = {
        "status": response.status_code,
        "location": response.get("Location"),
        "hsts": response.get("Strict-Transport-Security"),
    }
print(json.dumps(answers))
"""


def probe(env):
    result = run(env, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_pass_the_deploy_check_without_a_warning(tmp_path):
    result = run(production(tmp_path), "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_sends_visitors_to_https_and_browsers_remember_it(tmp_path):
    answers = probe(production(tmp_path))

    assert answers["http"]["status"] == 301
    assert answers["http"]["location"] == "https://portal.example.org/robots.txt"
    assert answers["https"]["status"] == 200
    assert answers["https"]["hsts"] == "max-age=31536000; includeSubDomains; preload"
    # A visitor's own X-Forwarded-Proto is no proof of HTTPS unless a proxy is configured.
    assert answers["forwarded https"]["status"] == 301
    # The load balancer's probe is answered, not redirected.
    assert answers["healthz over http"]["status"] == 200


def test_behind_a_tls_proxy_its_header_says_the_request_was_https(tmp_path):
    env = production(tmp_path, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    answers = probe(env)

    assert answers["forwarded https"]["status"] == 200
    assert answers["forwarded https"]["hsts"].startswith("max-age=31536000")
    assert answers["http"]["status"] == 301


@pytest.mark.django_db
def test_a_public_page_carries_the_security_headers(client):
    response = client.get("/en/")
    assert response.status_code == 200

    header = response["Content-Security-Policy"]
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # Nothing from another host: every source is a keyword or a hash.
    sources = [source for directive in policy.values() for source in directive]
    assert all(source.startswith("'") for source in sources), sources

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


# Login throttling (django-axes).


@pytest.fixture
def official(django_user_model):
    return django_user_model.objects.create_user(
        "pune-official", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, username="pune-official", address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    for attempt in range(times):
        response = log_in(client, f"wrong-guess-{attempt}", **kwargs)
    return response


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_with_a_page_in_the_officials_language(
    client, official
):
    fail(client, 5, HTTP_ACCEPT_LANGUAGE="mr")
    response = log_in(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="mr")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert '<html lang="mr"' in html
    assert "एमएसएमई निर्यात कार्यक्रम: प्रशासन" in html  # the back-office's header
    assert "३०" in html  # the 30 minutes' wait, in Devanagari digits
    assert "Account locked" not in html  # not the library's English line


@pytest.mark.django_db
def test_the_lock_holds_for_the_account_from_another_address(client, official):
    fail(client, 5, address="203.0.113.7")
    response = log_in(client, PASSWORD, address="198.51.100.23")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lock_holds_for_the_address_whatever_the_account_or_forwarded_header(
    client, official, django_user_model
):
    django_user_model.objects.create_user("mumbai-official", password=PASSWORD, is_staff=True)
    for attempt in range(5):
        log_in(
            client,
            "wrong",
            username=f"guess-{attempt}",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
    response = log_in(
        client, PASSWORD, username="mumbai-official", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures(client, official):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_lock_lifts_after_thirty_minutes(client, official):
    fail(client, 5)
    assert log_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=30, seconds=1)
    )
    assert log_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_an_attempt_during_the_lock_starts_the_wait_again(client, official):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=29))
    assert log_in(client, PASSWORD).status_code == 429

    # Thirty-one minutes after the fifth failure, two after the last attempt.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=2))
    assert log_in(client, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_behind_a_proxy_a_visitors_failures_lock_that_visitor_not_the_proxy(
    client, official, django_user_model, settings
):
    # As CLIENT_IP_HEADER=X-Forwarded-For with one proxy sets it.
    settings.AXES_CLIENT_IP_CALLABLE = partial(
        client_ip_address, header="X-Forwarded-For", proxies=1
    )
    django_user_model.objects.create_user("mumbai-official", password=PASSWORD, is_staff=True)
    proxy = "10.0.0.2"
    # The attacker writes addresses of their own before the one the proxy appends.
    for attempt in range(5):
        log_in(
            client,
            "wrong",
            username=f"guess-{attempt}",
            address=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}, 203.0.113.66",
        )
    attacker = log_in(
        client,
        PASSWORD,
        username="mumbai-official",
        address=proxy,
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.66",
    )
    assert attacker.status_code == 429

    colleague = log_in(
        Client(),
        PASSWORD,
        username="mumbai-official",
        address=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.23",
    )
    assert colleague.status_code == 302


def test_a_proxy_header_that_is_missing_or_not_an_address_is_not_believed():
    direct = RequestFactory().post(LOGIN, REMOTE_ADDR="10.0.0.2")
    assert client_ip_address(direct, header="X-Real-IP", proxies=1) == "10.0.0.2"
    garbled = RequestFactory().post(LOGIN, REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="<script>")
    assert client_ip_address(garbled, header="X-Real-IP", proxies=1) == "10.0.0.2"


def test_a_proxy_header_is_believed_only_from_the_proxies_networks():
    through_nginx = RequestFactory().post(
        LOGIN, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.23"
    )
    assert client_ip_address(through_nginx, header="X-Real-IP", proxies=1) == "198.51.100.23"
    # An app server reached from outside, the visitor naming someone else's address.
    forged = RequestFactory().post(LOGIN, REMOTE_ADDR="203.0.113.9", HTTP_X_REAL_IP="198.51.100.23")
    assert client_ip_address(forged, header="X-Real-IP", proxies=1) == "203.0.113.9"


# Passwords and sessions.


@pytest.mark.django_db
@pytest.mark.parametrize("weak", ["Pune@2026!x", "12345678901234", "password1234"])
def test_a_weak_password_is_refused(admin_client, weak):
    response = admin_client.post(
        reverse("admin:password_change"),
        {"old_password": "password", "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200  # the form again, with the reason
    errors = response.context["form"].errors["new_password2"]
    assert errors
    if len(weak) < 12:
        assert any("at least 12 characters" in error for error in errors)


@pytest.mark.django_db
def test_a_long_passphrase_is_accepted(admin_client):
    response = admin_client.post(
        reverse("admin:password_change"),
        {
            "old_password": "password",
            "new_password1": "monsoon export fair at Pune",
            "new_password2": "monsoon export fair at Pune",
        },
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_staff_session_ends_with_the_browser_and_after_two_idle_hours(client, official):
    response = log_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    assert cookie["httponly"]

    # Each request pushes the end two hours on: an official at work is not logged out.
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert client.get("/admin/").status_code == 200
    remaining = Session.objects.get().expire_date - timezone.now()
    assert datetime.timedelta(hours=1, minutes=59) < remaining <= datetime.timedelta(hours=2)

    # Two hours without a request, and the next one is sent to the login page.
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
