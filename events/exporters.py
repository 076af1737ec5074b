"""The five reports: each yields a header row and value rows; writers own formats.

An exporter reads one well-prefetched queryset and yields typed values (dates
as dates, numbers as numbers), with its headers and choice labels in the
language it is asked for. The big registers (B2B meetings) compute every
column in SQL, labels included, so that a writer may hand the same query to
PostgreSQL's COPY (`Table.queryset`).
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orgs.models import Organisation, Region
from portal.listing import SubqueryCount, as_shown

from .models import B2BMeeting, Event, EventOrganiser, MoU, MoUParty, Qualifier, Scheme


@dataclass(frozen=True)
class ReportFilters:
    """What every report is filtered by; empty means "all".

    The period is the event's start date (an MoU's signing date in the MoU
    register); a state includes its districts.
    """

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    scheme: Scheme | None = None
    region: Region | None = None
    kind: str = ""
    organiser: Organisation | None = None
    status: str = ""

    def events_q(self, prefix="", *, period=True):
        """The condition on events, reached from another model through `prefix`."""
        q = Q()
        if period and self.date_from:
            q &= Q(**{f"{prefix}start_date__gte": self.date_from})
        if period and self.date_to:
            q &= Q(**{f"{prefix}start_date__lte": self.date_to})
        if self.scheme:
            q &= Q(**{f"{prefix}schemes": self.scheme})
        if self.region:
            q &= Q(**{f"{prefix}region": self.region}) | Q(
                **{f"{prefix}region__parent": self.region}
            )
        if self.kind:
            q &= Q(**{f"{prefix}kind": self.kind})
        if self.organiser:
            q &= Q(**{f"{prefix}organisers": self.organiser})
        if self.status:
            q &= Q(**{f"{prefix}status": self.status})
        return q

    def events(self) -> QuerySet[Event]:
        # pk__in keeps the many-to-many joins out of the report's own query,
        # so that a row never comes out twice.
        return Event.objects.filter(pk__in=Event.objects.filter(self.events_q()).values("pk"))

    @property
    def on_events(self):
        """Whether any condition besides the place is set."""
        return any(
            (self.date_from, self.date_to, self.scheme, self.kind, self.organiser, self.status)
        )

    def described(self):
        """(label, value) of each filter set, for a report's heading."""
        values = [
            (_("From"), self.date_from),
            (_("To"), self.date_to),
            (_("Scheme"), self.scheme),
            (_("State / district"), self.region),
            (_("Kind"), self.kind and Event.Kind(self.kind).label),
            (_("Organiser"), self.organiser),
            (_("Publication"), self.status and Event.Status(self.status).label),
        ]
        return [(label, value) for label, value in values if value]


def choice_label(field_name, choices):
    """A choice field's label in the active language, computed in SQL."""
    return Case(
        *(When(**{field_name: value}, then=Value(str(label))) for value, label in choices),
        default=F(field_name),
        output_field=CharField(),
    )


def shown(field, prefix):
    """A translated field in the active language (with the models' fallbacks), in SQL."""
    # Each language's column is its own field class: say what comes out.
    return ExpressionWrapper(as_shown(field, prefix), output_field=CharField())


def joined(items):
    return "; ".join(str(item) for item in items)


@dataclass
class Table:
    """A report ready for a writer: title, filters, header and rows.

    `queryset`, when given, is a values_list() whose columns are the rows'
    columns, so that a writer can let the database produce them itself.
    """

    title: str
    header: list[str]
    rows: Iterable[tuple]
    lang: str
    filters: list = field(default_factory=list)
    slug: str = "report"
    queryset: QuerySet | None = None


class Exporter:
    """A report: `header()` and `rows()` in the active language."""

    slug = ""
    verbose_name = ""
    model = None

    def __init__(self, filters: ReportFilters | None = None, *, within: QuerySet | None = None):
        self.filters = filters or ReportFilters()
        # The admin's "export selected": only these records.
        self.within = within

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def restricted(self, queryset):
        if self.within is not None:
            queryset = queryset.filter(pk__in=self.within.values("pk"))
        return queryset

    def header(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> Iterator[tuple]:
        raise NotImplementedError

    def values_queryset(self):
        """The rows as a values_list() of SQL expressions, where the report has one."""
        return None

    def table(self, lang) -> Table:
        """The report in `lang`; its rows are read lazily in that language."""
        with translation.override(lang):
            return Table(
                title=str(self.verbose_name),
                header=[str(label) for label in self.header()],
                rows=self._rows_in(lang),
                lang=lang,
                filters=[(str(k), str(v)) for k, v in self.filters.described()],
                slug=self.slug,
                queryset=self.values_queryset(),
            )

    def _rows_in(self, lang):
        with translation.override(lang):
            yield from self.rows()


def local(value):
    """A datetime as the staff read it: local time, without a zone (Excel has none)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


class EventsRegister(Exporter):
    slug = "events"
    verbose_name = gettext_lazy("Events register")
    model = Event

    def queryset(self):
        organisers = EventOrganiser.objects.select_related("organisation")
        events = self.restricted(self.filters.events()).for_listing()
        return events.prefetch_related(Prefetch("organiser_links", queryset=organisers)).annotate(
            meetings_recorded=SubqueryCount(B2BMeeting.objects.filter(event=OuterRef("pk"))),
            mous_recorded=SubqueryCount(MoU.objects.filter(event=OuterRef("pk"))),
        )

    def header(self):
        fields = [Event._meta.get_field(name).verbose_name for name in Event.FIGURES]
        return [
            _("Title"),
            _("Kind"),
            _("Start date"),
            _("End date"),
            _("Venue"),
            _("City"),
            _("State / district"),
            _("Country"),
            _("Schemes"),
            _("Organisers"),
            _("Publication"),
            *(str(label).capitalize() for label in fields),
            _("Figures not exact"),
            _("B2B meetings recorded"),
            _("MoUs recorded"),
        ]

    def rows(self):
        for event in self.queryset():
            qualified = [
                f"{label}: {Qualifier(qualifier).label}"
                for label, _value, qualifier in event.figures()
                if qualifier != Qualifier.EXACT
            ]
            yield (
                event.title,
                event.get_kind_display(),
                event.start_date,
                event.end_date,
                event.venue,
                event.city,
                str(event.region or ""),
                str(event.country),
                joined(event.schemes.all()),
                joined(link.organisation for link in event.organiser_links.all()),
                event.get_status_display(),
                *(getattr(event, name) for name in Event.FIGURES),
                joined(qualified),
                event.meetings_recorded,
                event.mous_recorded,
            )


class MoURegister(Exporter):
    slug = "mous"
    verbose_name = gettext_lazy("MoU register")
    model = MoU

    def queryset(self):
        mous = MoU.objects.all()
        if self.filters.on_events or self.filters.region:
            mous = mous.filter(
                event__in=self.filters.events().filter(self.filters.events_q(period=False))
            )
        if self.filters.date_from:
            mous = mous.filter(signed_on__gte=self.filters.date_from)
        if self.filters.date_to:
            mous = mous.filter(signed_on__lte=self.filters.date_to)
        parties = MoUParty.objects.select_related("organisation")
        return (
            self.restricted(mous)
            .select_related("event")
            .prefetch_related(Prefetch("party_links", queryset=parties))
        )

    def header(self):
        return [
            _("Title"),
            _("Parties"),
            _("Signed at event"),
            _("Signed on"),
            _("Status"),
            _("Value"),
            _("Currency"),
            _("Purpose"),
        ]

    def rows(self):
        for mou in self.queryset():
            yield (
                mou.title,
                joined(link.organisation for link in mou.party_links.all()),
                mou.event.title if mou.event else "",
                mou.signed_on,
                mou.get_status_display(),
                mou.value,
                mou.currency,
                mou.purpose,
            )


class MeetingsRegister(Exporter):
    """Hundreds of thousands of rows: every column in SQL, read in chunks."""

    slug = "meetings"
    verbose_name = gettext_lazy("B2B meetings register")
    model = B2BMeeting

    def header(self):
        return [
            _("Event"),
            _("Buyer"),
            _("Buyer country"),
            _("Seller"),
            _("Time"),
            _("Table"),
            _("Status"),
            _("Outcome"),
            _("Value"),
            _("Currency"),
        ]

    def values_queryset(self):
        meetings = B2BMeeting.objects.all()
        if self.filters.on_events or self.filters.region:
            meetings = meetings.filter(event__in=self.filters.events())
        return (
            self.restricted(meetings)
            .order_by("event__start_date", "event_id", "starts_at", "table", "pk")
            .values_list(
                shown("title", "event__"),
                shown("name", "buyer__"),
                shown("name", "buyer__country__"),
                shown("name", "seller__"),
                "starts_at",
                "table",
                choice_label("status", B2BMeeting.Status.choices),
                choice_label("outcome", B2BMeeting.Outcome.choices),
                "value",
                "currency",
            )
        )

    def queryset(self):
        return self.values_queryset()

    def rows(self):
        for row in self.values_queryset().iterator(chunk_size=5000):
            yield (*row[:4], local(row[4]), *row[5:])


class OrganisationDirectory(Exporter):
    """Organisations; with event filters, those that organised, met or signed at those events."""

    slug = "organisations"
    verbose_name = gettext_lazy("Organisation directory")
    model = Organisation

    def queryset(self):
        orgs = Organisation.objects.all()
        if self.filters.region:
            region = self.filters.region
            orgs = orgs.filter(Q(region=region) | Q(region__parent=region))
        if self.filters.on_events:
            events = Event.objects.filter(self.filters.events_q())
            orgs = orgs.filter(
                Q(pk__in=EventOrganiser.objects.filter(event__in=events).values("organisation"))
                | Q(pk__in=B2BMeeting.objects.filter(event__in=events).values("buyer"))
                | Q(pk__in=B2BMeeting.objects.filter(event__in=events).values("seller"))
                | Q(pk__in=MoUParty.objects.filter(mou__event__in=events).values("organisation"))
            )
        return (
            self.restricted(orgs)
            .select_related("country", "region", "region__parent", "parent")
            .prefetch_related("sectors")
        )

    def header(self):
        return [
            _("Name"),
            _("Acronym"),
            _("Kind"),
            _("Parent organisation"),
            _("Country"),
            _("State / district"),
            _("Sectors"),
            _("Udyam registration number"),
            _("IEC"),
            _("Website"),
        ]

    def rows(self):
        for org in self.queryset().iterator(chunk_size=2000):
            yield (
                org.name,
                org.acronym,
                org.get_kind_display(),
                str(org.parent or ""),
                str(org.country),
                str(org.region or ""),
                joined(org.sectors.all()),
                org.udyam_number,
                org.iec,
                org.website,
            )


class OutcomesSummary(Exporter):
    """Per scheme, state or quarter: events, reported figures, recorded outcomes.

    Three grouped queries (events, meetings, MoUs) per grouping, and the same
    three without grouping for the total row (an event held under two schemes
    counts under each, and once in the total). Business value is summed per
    currency, one column each, as values in different currencies do not add.
    """

    slug = "outcomes"
    verbose_name = gettext_lazy("Outcomes summary")
    model = Event

    class Grouping:
        SCHEME = "scheme"
        STATE = "state"
        QUARTER = "quarter"
        choices = [
            ("scheme", gettext_lazy("Scheme")),
            ("state", gettext_lazy("State / province")),
            ("quarter", gettext_lazy("Quarter")),
        ]

    FIGURES = Event.FIGURES

    def __init__(self, filters=None, *, within=None, grouping="scheme"):
        super().__init__(filters, within=within)
        self.grouping = grouping
        self._summary = None

    def _group(self, prefix):
        """The annotations a row is grouped by, reached from events through `prefix`."""
        if self.grouping == self.Grouping.SCHEME:
            scheme = f"{prefix}schemes__"
            return {
                "key": F(f"{scheme}pk"),
                "label": Coalesce(
                    Case(
                        When(**{f"{scheme}acronym": ""}, then=None), default=F(f"{scheme}acronym")
                    ),
                    as_shown("name", scheme),
                    output_field=CharField(),
                ),
            }
        if self.grouping == self.Grouping.STATE:
            in_district = Q(**{f"{prefix}region__parent__isnull": False})
            return {
                "key": Case(
                    When(in_district, then=F(f"{prefix}region__parent__pk")),
                    default=F(f"{prefix}region__pk"),
                ),
                "label": Case(
                    When(in_district, then=as_shown("name", f"{prefix}region__parent__")),
                    default=as_shown("name", f"{prefix}region__"),
                    output_field=CharField(),
                ),
            }
        return {
            "year": ExtractYear(f"{prefix}start_date"),
            "quarter": ExtractQuarter(f"{prefix}start_date"),
        }

    def _grouped(self, queryset, prefix, aggregates, grouped):
        queryset = queryset.order_by()
        if not grouped:
            return {(): queryset.aggregate(**aggregates)}
        group = self._group(prefix)
        rows = queryset.annotate(**group).values(*group).annotate(**aggregates)
        return {tuple(row[name] for name in group): row for row in rows}

    def _values(self, queryset, prefix, grouped):
        """Recorded count and value per currency, grouped: {key: (count, {currency: sum})}."""
        queryset = queryset.order_by()
        group = self._group(prefix) if grouped else {}
        rows = (
            queryset.annotate(**group)
            .values(*group, "currency")
            .annotate(n=Count("pk"), total=Sum("value"))
        )
        result = {}
        for row in rows:
            key = tuple(row[name] for name in group)
            count, values = result.get(key, (0, {}))
            if row["total"] is not None:
                values[row["currency"]] = row["total"]
            result[key] = (count + row["n"], values)
        return result

    def _collect(self, grouped):
        events = self.restricted(self.filters.events())
        aggregates = {"events": Count("pk", distinct=True)}
        aggregates.update({name: Sum(name) for name in self.FIGURES})
        return (
            self._grouped(events, "", aggregates, grouped),
            self._values(B2BMeeting.objects.filter(event__in=events), "event__", grouped),
            self._values(MoU.objects.filter(event__in=events), "event__", grouped),
        )

    def summary(self):
        if self._summary is None:
            groups, meetings, mous = self._collect(grouped=True)
            total = self._collect(grouped=False)
            currencies = sorted(
                {c for _n, values in [*meetings.values(), *mous.values()] for c in values}
            )
            self._summary = (groups, meetings, mous, total, currencies)
        return self._summary

    def _label(self, key):
        """A group's (key, label) or (year, quarter) as the report names it."""
        if self.grouping == self.Grouping.QUARTER:
            year, quarter = key
            if year is None:
                return _("Dates to be announced")
            return _("%(year)s Q%(quarter)s") % {"year": year, "quarter": quarter}
        if key[0] is None:
            return _("No scheme") if self.grouping == self.Grouping.SCHEME else _("No state")
        return key[1]

    def _sort_key(self, key):
        # Unplaced rows last; quarters in time order, the others by name.
        if self.grouping == self.Grouping.QUARTER:
            return (key[0] is None, key)
        return (key[0] is None, str(key[1]))

    def header(self):
        *_rest, currencies = self.summary()
        group_label = dict(self.Grouping.choices).get(self.grouping, "")
        figures = [Event._meta.get_field(name).verbose_name for name in self.FIGURES]
        return [
            group_label,
            _("Events"),
            *(f"{str(label).capitalize()} ({_('reported')})" for label in figures),
            _("B2B meetings recorded"),
            _("MoUs recorded"),
            *(_("B2B value (%(currency)s)") % {"currency": c} for c in currencies),
            *(_("MoU value (%(currency)s)") % {"currency": c} for c in currencies),
        ]

    def _row(self, label, events, meetings, mous, currencies):
        meeting_count, meeting_values = meetings or (0, {})
        mou_count, mou_values = mous or (0, {})
        return (
            label,
            events.get("events") or 0,
            *(events.get(name) for name in self.FIGURES),
            meeting_count,
            mou_count,
            *(meeting_values.get(c) for c in currencies),
            *(mou_values.get(c) for c in currencies),
        )

    def rows(self):
        groups, meetings, mous, total, currencies = self.summary()
        for key in sorted(groups, key=self._sort_key):
            yield self._row(
                self._label(key), groups[key], meetings.get(key), mous.get(key), currencies
            )
        total_events, total_meetings, total_mous = total
        yield self._row(
            _("Total"),
            total_events[()],
            total_meetings.get(()),
            total_mous.get(()),
            currencies,
        )


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
