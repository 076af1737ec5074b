"""The events app's models, by subject: events, agreements, meetings, summaries."""

from .agreements import MoU, MoUParty, Valued
from .events import (
    LAST_DAY,
    Event,
    EventOrganiser,
    EventQuerySet,
    EventRole,
    Qualifier,
    Scheme,
    Session,
    figure_fields,
)
from .meetings import B2BMeeting
from .summaries import (
    EventListCounts,
    MoURegisterCount,
    StatsBuyer,
    StatsDay,
    StatsKindMonth,
    StatsRegionMonth,
)

__all__ = [
    "LAST_DAY",
    "B2BMeeting",
    "Event",
    "EventListCounts",
    "EventOrganiser",
    "EventQuerySet",
    "EventRole",
    "MoU",
    "MoUParty",
    "MoURegisterCount",
    "Qualifier",
    "Scheme",
    "Session",
    "StatsBuyer",
    "StatsDay",
    "StatsKindMonth",
    "StatsRegionMonth",
    "Valued",
    "figure_fields",
]
