"""The back-office: every app's records in Django's admin, one module per app.

Imported by the admin's autodiscovery (this is the backoffice app's `admin`).
"""

from . import events, jobs, matchmaking, orgs, registrations, revisions, site, users  # noqa: F401  (each registers its ModelAdmins)
