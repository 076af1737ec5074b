"""The events app's five reports, one module each, and their registry.

Each is a portal.reports.exporter.Exporter: a header and typed rows in the
language asked for, read through the user's scope; the writers
(portal.reports) own the formats. The back-office offers `EXPORTERS` on its
Reports page, and each ModelAdmin names its own for "export selected".
"""

from .events_register import EventsRegister
from .filters import EventsExporter, ReportFilters
from .meetings_register import MeetingsRegister
from .mou_register import MoURegister
from .organisation_directory import OrganisationDirectory
from .outcomes import OutcomesSummary

# In the order the Reports page offers them.
EXPORTERS = {
    exporter.slug: exporter
    for exporter in (
        EventsRegister,
        OutcomesSummary,
        MoURegister,
        MeetingsRegister,
        OrganisationDirectory,
    )
}

__all__ = [
    "EXPORTERS",
    "EventsExporter",
    "EventsRegister",
    "MeetingsRegister",
    "MoURegister",
    "OrganisationDirectory",
    "OutcomesSummary",
    "ReportFilters",
]
