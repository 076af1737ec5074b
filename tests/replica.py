"""A `replica` database alias for the tests of the read replica (portal.db_router)."""

from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections

from portal.db_router import REPLICA


def _forget_connection():
    if REPLICA in connections.settings:
        connections[REPLICA].close()
        del connections[REPLICA]


@contextmanager
def replica_alias(**changes):
    """The alias `replica`: the test database under a second connection, or with `changes`.

    A test mirror of the primary, as DATABASE_REPLICA_URL makes it in the
    settings: the test runner creates, wraps and flushes only the primary.
    Inside another replica_alias, the outer one is back at the end.
    """
    outer = connections.settings.get(REPLICA)
    primary = connections.settings[DEFAULT_DB_ALIAS]
    _forget_connection()
    connections.settings[REPLICA] = {
        **primary,
        **changes,
        "TEST": {**primary["TEST"], "MIRROR": DEFAULT_DB_ALIAS},
    }
    try:
        yield
    finally:
        _forget_connection()
        if outer:
            connections.settings[REPLICA] = outer
        else:
            del connections.settings[REPLICA]
