from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    """B2B matchmaking at meets: requests, the scheduler, agendas, the day, follow-ups."""

    name = "matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self):
        from . import receivers

        receivers.connect()
