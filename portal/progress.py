"""How far a background job has got, for the page that polls it.

Kept in the cache, not in the job's row: the worker reports often, from
inside the job's own transaction (portal.jobs) or a solver's thread
(matchmaking.planning), where a row written would not be seen until the end.
"""

from django.core.cache import cache

# A report left by a job whose worker died goes after this long.
TIMEOUT = 24 * 60 * 60


def key(record):
    return f"progress-{record._meta.label_lower}-{record.pk}"


def publish(record, report, timeout=TIMEOUT):
    """Make `report` (a dict of figures) the latest of the job `record`."""
    cache.set(key(record), report, timeout=timeout)


def latest(record):
    """The job's latest report; {} before its first."""
    return cache.get(key(record)) or {}
