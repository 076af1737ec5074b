"""Passwords are stored as Argon2id at OWASP's baseline; one stored with
Django's PBKDF2 still logs in, and is stored again as Argon2id."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

REAL = ["portal.hashers.Argon2idHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_a_new_password_is_argon2id_at_the_baseline(settings):
    settings.PASSWORD_HASHERS = REAL
    user = User.objects.create_user("meera", password="saffron-loom-export-42")
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_an_older_pbkdf2_password_logs_in_and_is_upgraded(settings):
    settings.PASSWORD_HASHERS = REAL
    user = User.objects.create(username="anil")
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode("saffron-loom-export-42", hasher.salt())
    user.save()
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="anil", password="saffron-loom-export-42") == user
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert authenticate(request, username="anil", password="wrong-password-0000") is None
