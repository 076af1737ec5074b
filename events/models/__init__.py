"""The events app's models, by subject: events, their programme, agreements,
meetings, revisions, summaries."""

from .agreements import MoU, MoUParty, MoUQuerySet, Valued
from .events import (
    LAST_DAY,
    Event,
    EventQuerySet,
    EventSeries,
    Qualifier,
    Scheme,
    figure_fields,
)
from .meetings import B2BMeeting
from .programme import EventOrganiser, EventRole, Session
from .revisions import EventRevision
from .summaries import (
    ListCounts,
    StatsBuyer,
    StatsDay,
    StatsKindMonth,
    StatsRegionMonth,
)

__all__ = [
    "LAST_DAY",
    "B2BMeeting",
    "Event",
    "EventOrganiser",
    "EventQuerySet",
    "EventRevision",
    "EventRole",
    "EventSeries",
    "ListCounts",
    "MoU",
    "MoUParty",
    "MoUQuerySet",
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
