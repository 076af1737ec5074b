from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The base every other app stands on (docs/architecture.md)."""

    name = "portal"
    verbose_name = _("Site")

    def ready(self):
        from . import receivers

        receivers.connect()
