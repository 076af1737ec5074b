"""The back-office roles, as groups of permissions.

A migration creates them, and every `migrate` brings their permissions up to
date (apps.AccessConfig.ready), so that a model added later is covered too.
Group names are English: they are records, not interface text.
"""

DATA_ENTRY = "Data-entry official"
PUBLISHER = "Publisher"
REPORT_VIEWER = "Report viewer"
ADMINISTRATOR = "Administrator"

# What officials record about events, within their scope (access.scope).
CONTENT = {
    "events": ("event", "eventorganiser", "session", "eventrole", "mou", "mouparty", "b2bmeeting"),
    "orgs": ("organisation", "person"),
    # How firms register for an event: set on the event's page.
    "participants": ("registrationsettings", "registrationquestion"),
}
# Looked up by everyone (autocompletes), changed by administrators only.
REFERENCE = {"orgs": ("country", "region", "sector", "hscode"), "events": ("scheme",)}
# The series an event is an edition of: named by any official who records
# its edition, shared by every body (no scope), deleted by administrators.
SERIES = {"events": ("eventseries",)}
# Changes to published events waiting for approval: officials see those of
# their scope; publishers decide them (backoffice.admin.revisions).
REVISIONS = {"events": ("eventrevision",)}
# Firms' registrations for the events: every official of the event's scope
# reads them; changing one is deciding it (approve or reject, through
# participants.registrations), for publishers and administrators. None adds
# or deletes one: a registration is the participant's.
REGISTRATIONS = {"participants": ("registration",)}
# B2B matchmaking: a meet's settings are set on the event's page, as its
# registration's; every official of the scope reads the requests firms made
# and the scheduler's runs; publishers and administrators match firms (add a
# request) and run the scheduler (add a run). The requests are the firms'.
MATCHMAKING_SETTINGS = {"matchmaking": ("matchmakingsettings",)}
MATCHMAKING = {"matchmaking": ("meetingrequest", "schedulerrun")}
# Every permission of these apps goes to administrators.
ADMINISTERED_APPS = ("auth", "access", "portal", "orgs", "events", "axes")

EXPORT_REPORTS = ("events", "export_reports")
PUBLISH = ("events", "publish_event")


def _model_permissions(models, actions):
    return [
        (app_label, f"{action}_{model}")
        for app_label, names in models.items()
        for model in names
        for action in actions
    ]


EDITING = [
    *_model_permissions(CONTENT, ("view", "add", "change", "delete")),
    *_model_permissions(REFERENCE, ("view",)),
    *_model_permissions(SERIES, ("view", "add", "change")),
    *_model_permissions(REVISIONS, ("view",)),
    *_model_permissions(REGISTRATIONS, ("view",)),
    *_model_permissions(MATCHMAKING_SETTINGS, ("view", "add", "change")),
    *_model_permissions(MATCHMAKING, ("view",)),
]
DECIDING = [
    *_model_permissions(REGISTRATIONS, ("change",)),
    *_model_permissions(MATCHMAKING, ("add",)),
]

ROLES = {
    DATA_ENTRY: EDITING,
    PUBLISHER: [
        *EDITING,
        *_model_permissions(REVISIONS, ("change",)),
        *DECIDING,
        PUBLISH,
        EXPORT_REPORTS,
    ],
    REPORT_VIEWER: [EXPORT_REPORTS],
    # Besides every permission of ADMINISTERED_APPS (sync_roles).
    ADMINISTRATOR: [*EDITING, *DECIDING],
}


def sync_roles(apps):
    """Create the role groups and give each exactly its permissions.

    `apps` is a migration's app registry, or the project's own after migrate.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    by_key = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    wanted = {
        name: [by_key[pair] for pair in pairs if pair in by_key] for name, pairs in ROLES.items()
    }
    wanted[ADMINISTRATOR] += [p for key, p in by_key.items() if key[0] in ADMINISTERED_APPS]
    for name, perms in wanted.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(perms)
