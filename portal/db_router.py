"""Public pages and the API read from a read replica; everything else from the primary.

With DATABASE_REPLICA_URL set, the settings add the database alias
`replica`: a streaming standby of the primary, which takes only reads.

Which requests read from it is decided once per request, by
`ReplicaReadsMiddleware` (after the page cache in MIDDLEWARE), and held in a context
variable the router reads: a router sees a model, not the request. A
request reads from the replica when it is

- a GET or a HEAD,
- without a session cookie: an official in the back-office or a logged-in
  participant reads from the primary, so that what they have just saved is
  what they see (the replica replays the primary's changes a moment later),
- for a view marked public (`portal.page_cache.cache_public_page`: the
  pages that are the same for every anonymous visitor, and the API).

Everything else reads from the primary: other requests (participants'
pages, sign-up, the back-office), management commands, the worker, and any
read inside a transaction (an atomic block), which must see the
transaction's own writes. Every write goes to the primary, and migrations
run only there.

If the replica does not answer, public pages read from the primary. The
middleware makes sure of the replica before marking a request: a kept
connection is health-checked as Django does at the start of each request,
and a new one gives up after the connect_timeout of DATABASE_REPLICA_URL
(2 s unless it says otherwise). A replica that failed is not tried again
for REPLICA_RETRY_SECONDS, so that while it is down no request waits for
it; then one request tries again. A replica that fails in the middle of a
request fails that request only.

The page cache (first in MIDDLEWARE, before this) answers kept pages without
reading any database. A page this request renders from the replica is kept
as if rendered REPLICA_MAX_LAG_SECONDS earlier, so the replica must never be
further behind than that when it is read: each process asks it how far
behind it is (`replica_lag`) every REPLICA_LAG_CHECK_SECONDS, and reads
from the primary while the lag, plus what it can have grown since it was
asked, is more than REPLICA_MAX_LAG_SECONDS.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .page_cache import page_kind

REPLICA = "replica"

_reads_from = ContextVar("reads_from", default=DEFAULT_DB_ALIAS)
# When the replica last failed plus REPLICA_RETRY_SECONDS (time.monotonic()): one per process.
_down_until = 0.0
# The replica's lag as last asked, and when to ask again (time.monotonic()): one per process.
_lag = 0.0
_lag_known_until = 0.0

# How far the standby's data is behind: 0 once it has replayed all it has
# received, else the age of the last transaction it replayed. That age
# overstates the lag after a quiet spell (the last commit may be old), which
# errs towards the primary; WAL not yet received is not counted (streaming
# keeps that to milliseconds). 0 on a database that is not a standby.
LAG_SQL = """
    SELECT CASE
        WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END
"""


@contextmanager
def reading_replica():
    """Reads inside (outside a transaction) go to the replica."""
    token = _reads_from.set(REPLICA)
    try:
        yield
    finally:
        _reads_from.reset(token)


def replica_configured():
    return REPLICA in connections.settings


def replica_answers():
    """Whether the replica takes a query now; a failure is remembered for a while."""
    global _down_until
    if monotonic() < _down_until:
        return False
    replica = connections[REPLICA]
    try:
        # What Django does for every connection when a request starts (its
        # request_started receiver), and then the health check of a kept
        # connection: a replica restarted since the last request is noticed here.
        replica.close_if_unusable_or_obsolete()
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except DatabaseError:
        replica.close()
        _down_until = monotonic() + settings.REPLICA_RETRY_SECONDS
        return False
    return True


def replica_lag():
    """The replica's lag (seconds) as last asked, asked again every REPLICA_LAG_CHECK_SECONDS."""
    global _lag, _lag_known_until
    replica = connections[REPLICA]
    if replica.vendor != "postgresql" or monotonic() < _lag_known_until:
        return _lag
    with replica.cursor() as cursor:
        cursor.execute(LAG_SQL)
        _lag = float(cursor.fetchone()[0])
    _lag_known_until = monotonic() + settings.REPLICA_LAG_CHECK_SECONDS
    return _lag


def replica_current():
    """Whether the replica is surely within REPLICA_MAX_LAG_SECONDS until the lag is asked again."""
    try:
        lag = replica_lag()
    except DatabaseError:
        connections[REPLICA].close()
        return False
    return lag + settings.REPLICA_LAG_CHECK_SECONDS <= settings.REPLICA_MAX_LAG_SECONDS


def reads_public_data(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and page_kind(request.path_info)
    )


class ReplicaReadsMiddleware:
    """Mark an anonymous visitor's read of a public page or the API for the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            replica_configured()
            and reads_public_data(request)
            and replica_answers()
            and replica_current()
        ):
            return self.get_response(request)
        # The page cache counts what is read here as this much older
        # (portal.page_cache): the replica replays the primary's changes a
        # moment later, and a page it rendered before replaying a change must
        # not be kept as newer than the change.
        request.read_lag = settings.REPLICA_MAX_LAG_SECONDS
        with reading_replica():
            return self.get_response(request)


class ReplicaRouter:
    """Reads where the request was marked to read; writes and migrations on the primary."""

    def db_for_read(self, model, **hints):
        # Named even when it is the primary: Django would otherwise read an
        # object's relations from the database the object came from.
        database = _reads_from.get()
        if database != DEFAULT_DB_ALIAS and connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return database

    def db_for_write(self, model, **hints):
        # An object read from the replica is saved to the primary.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both databases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
