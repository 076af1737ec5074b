"""The figures of the statistics page, read from their summaries.

Every selector counts published events that have already taken place
(`Event.objects.published().past()`): drafts never count, and neither do
upcoming events nor events whose dates are still to be announced. The sums
over events, meetings and MoUs are kept current in small tables keyed by the
events' last day or its month (events.summaries); the selectors add them up
to yesterday, in one or two queries each whatever the number of events, and
return plain data (dataclasses of numbers and strings) in the language asked
for.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, QuerySet, Sum
from django.utils import timezone

from orgs.models import Country, Region

from .models import Event, Qualifier, StatsBuyer, StatsDay, StatsKindMonth, StatsRegionMonth

# The reported headline figures the page adds up.
SUMMED_FIGURES = StatsDay.FIGURES


@dataclass(frozen=True)
class Figure:
    """A sum of reported figures: `value` is None when no event reported one.

    The sum is "about" if any part of it is, else "at least" if any part is
    a lower bound ("more than 500"), else exact. `reported_by` is how many
    events reported the figure.
    """

    value: int | None
    qualifier: str
    reported_by: int


@dataclass(frozen=True)
class Headline:
    events: int
    msmes: Figure
    foreign_buyers: Figure
    b2b_meetings: Figure
    mous: Figure


@dataclass(frozen=True)
class Tally:
    """A count under a label, with the language the label is written in."""

    key: str
    label: str
    lang: str
    count: int


@dataclass(frozen=True)
class QuarterTally:
    year: int
    quarter: int
    count: int


@dataclass(frozen=True)
class YearOutcomes:
    """A year's B2B meetings and MoUs: as reported, and as recorded in the portal.

    `meetings_recorded` is None when no meeting of that year's events was
    recorded; `meetings_held` counts the recorded meetings marked held.
    """

    year: int
    events: int
    b2b_meetings: Figure
    mous: Figure
    meetings_recorded: int | None
    meetings_held: int
    mous_recorded: int


def held_events() -> QuerySet[Event]:
    """The events the statistics count: published, and over."""
    return Event.objects.published().past()


def last_updated() -> datetime.datetime | None:
    """When a published event was last changed."""
    return Event.objects.published().aggregate(last=Max("updated_at"))["last"]


def _held_days() -> QuerySet[StatsDay]:
    return StatsDay.objects.filter(day__lt=timezone.localdate()).order_by()


def _figure_sums(name):
    """The sums of StatsDay's columns for a reported figure, named as `_figure` reads them."""
    return {
        f"{name}__{part}": Sum(f"{name}_{part}")
        for part in ("sum", "reported", "at_least", "about")
    }


def _figure(row, name):
    """The Figure out of a row of `_figure_sums`; an empty row is "not reported"."""
    if row.get(f"{name}__about"):
        qualifier = Qualifier.ABOUT
    elif row.get(f"{name}__at_least"):
        qualifier = Qualifier.AT_LEAST
    else:
        qualifier = Qualifier.EXACT
    return Figure(row.get(f"{name}__sum"), qualifier.value, row.get(f"{name}__reported") or 0)


def headline() -> Headline:
    """Events held and the sums of their reported figures: one query."""
    sums = {}
    for name in SUMMED_FIGURES:
        sums.update(_figure_sums(name))
    row = _held_days().aggregate(n=Sum("events"), **sums)
    return Headline(row["n"] or 0, *(_figure(row, name) for name in SUMMED_FIGURES))


def events_per_quarter() -> list[QuarterTally]:
    """Events by the calendar quarter they started in, oldest first.

    Quarters without events between the first and the last are given with
    a count of 0, so that the series reads as time.
    """
    rows = _held_days().values("year", "quarter").annotate(n=Sum("events"))
    counts = {(row["year"], row["quarter"]): row["n"] for row in rows}
    if not counts:
        return []
    (year, quarter), last = min(counts), max(counts)
    tallies = []
    while (year, quarter) <= last:
        tallies.append(QuarterTally(year, quarter, counts.get((year, quarter), 0)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tallies


def _held_by(summary, field) -> Counter:
    """Events held, counted by their `field` (kind, region): one query.

    The months before this one come from `summary`, which has the same
    field; this month's days before today from the events themselves, a
    few hundred read from an index on their last day.
    """
    this_month = timezone.localdate().replace(day=1)
    before = (
        summary.objects.filter(month__lt=this_month)
        .order_by()
        .values(field)
        .annotate(n=Sum("events"))
    )
    this = held_events().filter(last_day__gte=this_month).order_by().values(field)
    counts = Counter()
    for row in before.union(this.annotate(n=Count("pk")), all=True):
        counts[row[field]] += row["n"]
    return counts


def _by_count(tallies):
    return sorted(tallies, key=lambda t: (-t.count, t.label))


def events_by_kind() -> list[Tally]:
    """Events by kind, the most frequent first; labels in the active language."""
    labels = dict(Event.Kind.choices)
    return _by_count(
        Tally(kind, str(labels.get(kind, kind)), "", n)
        for kind, n in _held_by(StatsKindMonth, "kind").items()
    )


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _translated(row, prefix, lang):
    """A translated name out of a values() row, and its language, falling back as models do."""
    for code in [lang, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"], code
    return "", lang


def events_by_state(*, lang: str, no_state_label: str) -> list[Tally]:
    """Events by state or province, a state's districts counted with it, the most first.

    Events with no region are counted under `no_state_label` (key ""), last.
    """
    # Counted by region in the database, then added up by state here, out
    # of the few hundred regions: grouped by the states' names there, the
    # summary's rows would all be sorted on them.
    held = _held_by(StatsRegionMonth, "region")
    names = [f"name_{code}" for code in LANGUAGE_CODES]
    regions = {row["pk"]: row for row in Region.objects.values("pk", "parent", "slug", *names)}
    states = {}
    for pk, n in held.items():
        if pk is not None:
            region = regions[pk]
            state = regions[region["parent"]] if region["parent"] else region
            states.setdefault(state["slug"], {**state, "n": 0})["n"] += n
    tallies = _by_count(
        Tally(slug, *_translated(row, "name", lang), row["n"]) for slug, row in states.items()
    )
    if held.get(None):
        tallies.append(Tally("", no_state_label, lang, held[None]))
    return tallies


def outcomes_per_year() -> list[YearOutcomes]:
    """B2B meetings and MoUs by the year the events started, oldest first: one query.

    The reported figures, the recorded meetings and the recorded MoUs.
    Years without events between the first and the last are given, empty.
    """
    years = {
        row["year"]: row
        for row in _held_days()
        .values("year")
        .annotate(
            n=Sum("events"),
            recorded=Sum("meetings_recorded"),
            held=Sum("meetings_held"),
            recorded_mous=Sum("mous_recorded"),
            **_figure_sums("b2b_meetings"),
            **_figure_sums("mous"),
        )
    }
    if not years:
        return []
    outcomes = []
    for year in range(min(years), max(years) + 1):
        row = years.get(year, {})
        outcomes.append(
            YearOutcomes(
                year=year,
                events=row.get("n", 0),
                b2b_meetings=_figure(row, "b2b_meetings"),
                mous=_figure(row, "mous"),
                # None: no meeting of that year's events was recorded.
                meetings_recorded=row.get("recorded") or None,
                meetings_held=row.get("held", 0),
                mous_recorded=row.get("recorded_mous", 0),
            )
        )
    return outcomes


def buyers_by_country(*, lang: str) -> list[Tally]:
    """Foreign buyers by country, from the B2B meeting records, the most first.

    A buyer is counted once per country however many meetings it held, and
    only for meetings marked held; a buyer from the event's own country is
    not foreign and not counted. Empty when there are no such records.
    """
    held = StatsBuyer.objects.filter(first_day__lt=timezone.localdate()).order_by()
    counts = dict(held.values_list("country").annotate(n=Count("pk")))
    # Named apart, as states are: grouped by the countries' names, the
    # database would hash every buyer's row on them.
    names = [f"name_{code}" for code in LANGUAGE_CODES]
    return _by_count(
        Tally(row["code"], *_translated(row, "name", lang), counts[row["code"]])
        for row in Country.objects.filter(pk__in=counts).values("code", *names)
    )
