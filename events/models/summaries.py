"""Derived tables: the statistics' summaries and the lists' stored counts.

Written only by events.summaries, never edited. The rule for derived data:
it is rewritten in the transaction of the change that makes it stale; what
depends on the date is stored with its day and read only on that day.
"""

from django.db import models

from orgs.models import Country, Organisation, Region
from portal.models import Derived

# The statistics page's summaries, written by events.summaries on every change
# and read by events.stats: what it adds up over a hundred thousand events and
# a million meetings, in tables of a few thousand rows. They are keyed by the
# events' last day (or its month), so that "held before today" stays a filter
# on the key as the days pass, with nothing written.


def summed_figure_fields():
    """A reported figure summed over events: the sum (None when no event
    reported it), how many events reported it, and how many of those said
    "more than" and "about"."""
    return (
        models.PositiveIntegerField(null=True),
        models.PositiveIntegerField(default=0),
        models.PositiveIntegerField(default=0),
        models.PositiveIntegerField(default=0),
    )


class StatsDay(Derived):
    """The published events whose last day is `day` and that began in
    `year`'s `quarter`: their number, the sums of their reported figures,
    and the B2B meetings and MoUs recorded for them."""

    FIGURES = ("msmes", "foreign_buyers", "b2b_meetings", "mous")

    day = models.DateField()
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    events = models.PositiveIntegerField(default=0)
    msmes_sum, msmes_reported, msmes_at_least, msmes_about = summed_figure_fields()
    (
        foreign_buyers_sum,
        foreign_buyers_reported,
        foreign_buyers_at_least,
        foreign_buyers_about,
    ) = summed_figure_fields()
    (
        b2b_meetings_sum,
        b2b_meetings_reported,
        b2b_meetings_at_least,
        b2b_meetings_about,
    ) = summed_figure_fields()
    mous_sum, mous_reported, mous_at_least, mous_about = summed_figure_fields()
    meetings_recorded = models.PositiveIntegerField(default=0)
    meetings_held = models.PositiveIntegerField(default=0)
    mous_recorded = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "year", "quarter"], name="stats_day_once")
        ]

    def __str__(self):
        return f"{self.day} ({self.year} Q{self.quarter}): {self.events}"


class StatsKindMonth(Derived):
    """The published events of a kind whose last day falls in `month` (its first day).

    By month, not day: per day there would be nearly a row per event.
    """

    month = models.DateField()
    kind = models.CharField(max_length=20)  # an Event.Kind
    events = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "kind"], name="stats_kind_month_once")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind}: {self.events}"


class StatsRegionMonth(Derived):
    """The published events in a region (None: not given) whose last day falls in `month`.

    By region, not state, so that a district moved to another state needs no rewrite.
    """

    month = models.DateField()
    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, related_name="+")
    events = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["month"], name="stats_region_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.region_id}: {self.events}"


class StatsBuyer(Derived):
    """A foreign buyer's first day: the last day of the first published event
    at which it held a B2B meeting, not being from the event's country.

    A count of distinct buyers cannot be added up from days, so each buyer
    has a row, counted once its first day is past.
    """

    buyer = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    first_day = models.DateField()

    def __str__(self):
        return f"{self.buyer_id} ({self.country_id}): {self.first_day}"


class ListCounts(Derived):
    """A public list's count and facet counts as most visitors open it
    (events.list_counts): the event list at its defaults, the MoU register
    unfiltered.

    One row per list (`name`), rewritten by events.summaries in the
    transaction of each change that alters it. `day` is the day the counts
    hold for, when the list depends on the date (upcoming events), else
    None; `counts` is portal.facet_counts.Counts.as_json(): the count, and
    each facet's choices by key (labels are read when a page is shown).
    """

    name = models.CharField(max_length=20, unique=True)
    day = models.DateField(null=True)
    counts = models.JSONField()

    def __str__(self):
        return f"{self.name} ({self.day or 'any day'}): {self.counts.get('total')}"
