from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    """B2B matchmaking: the meetings' scheduler, its validator, its bench (docs/architecture.md)."""

    name = "matchmaking"
    verbose_name = _("Matchmaking")
