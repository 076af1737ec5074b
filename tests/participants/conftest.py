import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts requests in the cache, per address: every test client is 127.0.0.1."""
    cache.clear()
    yield
    cache.clear()
