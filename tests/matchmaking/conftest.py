"""A meet that arranges B2B meetings, for the matchmaking tests (tests.matchmaking.meets)."""

import pytest

from matchmaking.models import MatchmakingSettings
from tests import factories


@pytest.fixture
def meet():
    reg_settings = factories.RegistrationSettingsFactory(
        seller_places=30, buyer_places=5, approval_required=False
    )
    MatchmakingSettings.objects.create(event=reg_settings.event)
    return reg_settings.event
