"""The history of matchmaking's records (no translated fields)."""

from portal.history import register_history

from .models import MatchmakingSettings, MeetingRequest

# Who asked, accepted or declined, and when the settings changed, with who did it.
register_history(MeetingRequest)
register_history(MatchmakingSettings)
