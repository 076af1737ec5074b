"""django-axes' app, under a name officials read in their language.

Its login records (access attempts, failures, logs) appear in the
back-office; the library names its app "Axes", untranslated.
"""

from axes.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginRecordsConfig(AppConfig):
    verbose_name = _("Login records")
