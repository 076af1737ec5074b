"""django-axes' app, under a name officials read in their language.

Its login records (access attempts, failures, logs) appear in the
back-office; the library names its app "Axes", untranslated.
"""

from axes.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LoginRecordsConfig(AppConfig):
    verbose_name = _("Login records")


def outside_the_back_office(request, credentials=None):
    """Whether a login is none of django-axes' business (AXES_WHITELIST_CALLABLE).

    django-axes guards the back-office's login. The public accounts' logins
    have their own limits (django-allauth's ACCOUNT_RATE_LIMITS): a visitor's
    mistyped passwords must neither lock an official's address out of
    /admin/ nor fill the back-office's login records with failures.
    """
    return not request.path.startswith(reverse("admin:index"))
