"""A meet that arranges B2B meetings, for the matchmaking tests (tests.matchmaking.meets)."""

import pytest
from django.core.cache import cache

from matchmaking.models import MatchmakingSettings
from tests import factories


@pytest.fixture
def meet():
    reg_settings = factories.RegistrationSettingsFactory(
        seller_places=30, buyer_places=5, approval_required=False
    )
    MatchmakingSettings.objects.create(event=reg_settings.event)
    return reg_settings.event


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Requests are counted in the cache, per firm: each test starts uncounted."""
    cache.clear()
    yield
    cache.clear()
