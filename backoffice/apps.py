from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """What staff use: the admin of every app's records, imports and reports."""

    name = "backoffice"
    verbose_name = _("Back-office")
