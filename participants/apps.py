from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    """Exporters' and buyers' public accounts and registrations (docs/architecture.md)."""

    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from . import receivers

        receivers.connect()
