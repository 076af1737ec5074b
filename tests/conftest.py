import pytest
from django.db import connection
from django.utils import translation


def pytest_report_header(config):
    # CI runs the suite on SQLite and on PostgreSQL: say which this run is.
    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English; a test switches language explicitly."""
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
