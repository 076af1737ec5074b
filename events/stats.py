"""The figures of the statistics page, computed in the database.

Every selector counts published events that have already taken place
(`Event.objects.published().past()`): drafts never count, and neither do
upcoming events nor events whose dates are still to be announced. Each
selector runs one grouped query whatever the number of events, and returns
plain data (dataclasses of numbers and strings) in the language asked for.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Count, F, Max, Q, QuerySet, Sum, When
from django.db.models.functions import ExtractQuarter, ExtractYear

from .models import B2BMeeting, Event, MoU, Qualifier

# The reported headline figures the page adds up.
SUMMED_FIGURES = ("msmes", "foreign_buyers", "b2b_meetings", "mous")


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


def _figure_aggregates(name):
    """The aggregates `_figure` needs for a reported figure, prefixed by its name."""
    reported = Q(**{f"{name}__isnull": False})
    qualifier = f"{name}_qualifier"
    return {
        f"{name}__sum": Sum(name),
        f"{name}__reported": Count(name),
        f"{name}__at_least": Count("pk", filter=reported & Q(**{qualifier: Qualifier.AT_LEAST})),
        f"{name}__about": Count("pk", filter=reported & Q(**{qualifier: Qualifier.ABOUT})),
    }


def _figure(row, name):
    """The Figure out of a row of `_figure_aggregates`; an empty row is "not reported"."""
    if row.get(f"{name}__about"):
        qualifier = Qualifier.ABOUT
    elif row.get(f"{name}__at_least"):
        qualifier = Qualifier.AT_LEAST
    else:
        qualifier = Qualifier.EXACT
    return Figure(row.get(f"{name}__sum"), qualifier.value, row.get(f"{name}__reported", 0))


def headline(*, events: QuerySet[Event] | None = None) -> Headline:
    """Events held and the sums of their reported figures: one query."""
    events = held_events() if events is None else events
    aggregates = {}
    for name in SUMMED_FIGURES:
        aggregates.update(_figure_aggregates(name))
    row = events.order_by().aggregate(events=Count("pk"), **aggregates)
    return Headline(row["events"], *(_figure(row, name) for name in SUMMED_FIGURES))


def events_per_quarter(*, events: QuerySet[Event] | None = None) -> list[QuarterTally]:
    """Events by the calendar quarter they started in, oldest first.

    Quarters without events between the first and the last are given with
    a count of 0, so that the series reads as time.
    """
    events = held_events() if events is None else events
    rows = (
        events.order_by()
        .annotate(year=ExtractYear("start_date"), quarter=ExtractQuarter("start_date"))
        .values("year", "quarter")
        .annotate(n=Count("pk"))
    )
    counts = {(row["year"], row["quarter"]): row["n"] for row in rows}
    if not counts:
        return []
    (year, quarter), last = min(counts), max(counts)
    tallies = []
    while (year, quarter) <= last:
        tallies.append(QuarterTally(year, quarter, counts.get((year, quarter), 0)))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tallies


def _by_count(tallies):
    return sorted(tallies, key=lambda t: (-t.count, t.label))


def events_by_kind(*, events: QuerySet[Event] | None = None) -> list[Tally]:
    """Events by kind, the most frequent first; labels in the active language."""
    events = held_events() if events is None else events
    rows = events.order_by().values("kind").annotate(n=Count("pk"))
    labels = dict(Event.Kind.choices)
    return _by_count(
        Tally(row["kind"], str(labels.get(row["kind"], row["kind"])), "", row["n"]) for row in rows
    )


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _translated(row, prefix, lang):
    """A translated name out of a values() row, and its language, falling back as models do."""
    for code in [lang, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"], code
    return "", lang


def _state(field):
    """The event's state's `field`: its region's parent's for a district, else its region's."""
    return Case(
        When(region__parent__isnull=False, then=F(f"region__parent__{field}")),
        default=F(f"region__{field}"),
    )


def events_by_state(
    *, lang: str, no_state_label: str, events: QuerySet[Event] | None = None
) -> list[Tally]:
    """Events by state or province, a state's districts counted with it, the most first.

    Events with no region are counted under `no_state_label` (key ""), last.
    """
    events = held_events() if events is None else events
    columns = {"state": _state("slug")}
    columns.update({f"state_name_{code}": _state(f"name_{code}") for code in LANGUAGE_CODES})
    # annotate() then values(): values(**expressions) would group by every column.
    rows = events.order_by().annotate(**columns).values(*columns).annotate(n=Count("pk"))
    states, unplaced = [], []
    for row in rows:
        if row["state"]:
            states.append(Tally(row["state"], *_translated(row, "state_name", lang), row["n"]))
        else:
            unplaced.append(Tally("", no_state_label, lang, row["n"]))
    return _by_count(states) + unplaced


def outcomes_per_year(*, events: QuerySet[Event] | None = None) -> list[YearOutcomes]:
    """B2B meetings and MoUs by the year the events started, oldest first.

    Three queries: the reported figures, the recorded meetings and the
    recorded MoUs, each grouped by year. Years without events between the
    first and the last are given, empty.
    """
    events = held_events() if events is None else events
    reported = {
        row["year"]: row
        for row in events.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(
            events=Count("pk"),
            **_figure_aggregates("b2b_meetings"),
            **_figure_aggregates("mous"),
        )
    }
    meetings = {
        row["year"]: row
        for row in B2BMeeting.objects.filter(event__in=events)
        .order_by()
        .annotate(year=ExtractYear("event__start_date"))
        .values("year")
        .annotate(recorded=Count("pk"), held=Count("pk", filter=Q(status=B2BMeeting.Status.HELD)))
    }
    mous = dict(
        MoU.objects.filter(event__in=events)
        .order_by()
        .annotate(year=ExtractYear("event__start_date"))
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    if not reported:
        return []
    years = []
    for year in range(min(reported), max(reported) + 1):
        row = reported.get(year, {})
        meeting = meetings.get(year)
        years.append(
            YearOutcomes(
                year=year,
                events=row.get("events", 0),
                b2b_meetings=_figure(row, "b2b_meetings"),
                mous=_figure(row, "mous"),
                meetings_recorded=meeting["recorded"] if meeting else None,
                meetings_held=meeting["held"] if meeting else 0,
                mous_recorded=mous.get(year, 0),
            )
        )
    return years


def buyers_by_country(*, lang: str, events: QuerySet[Event] | None = None) -> list[Tally]:
    """Foreign buyers by country, from the B2B meeting records, the most first.

    A buyer is counted once per country however many meetings it held, and
    only for meetings marked held; a buyer from the event's own country is
    not foreign and not counted. Empty when there are no such records.
    """
    events = held_events() if events is None else events
    names = [f"buyer__country__name_{code}" for code in LANGUAGE_CODES]
    rows = (
        B2BMeeting.objects.filter(event__in=events, status=B2BMeeting.Status.HELD)
        .exclude(buyer__country=F("event__country"))
        .order_by()
        .values("buyer__country", *names)
        .annotate(n=Count("buyer", distinct=True))
    )
    return _by_count(
        Tally(row["buyer__country"], *_translated(row, "buyer__country__name", lang), row["n"])
        for row in rows
    )
