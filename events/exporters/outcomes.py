"""The outcomes summary: per scheme, state or quarter, and a total."""

from django import forms
from django.db.models import Case, CharField, Count, F, Q, Sum, When
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.listing import as_shown

from ..models import B2BMeeting, Event, MoU
from .filters import EventsExporter

# The reported figures' column headers, each written whole for translators.
REPORTED_HEADERS = {
    "participants": gettext_lazy("Participants (reported)"),
    "msmes": gettext_lazy("MSMEs (reported)"),
    "foreign_buyers": gettext_lazy("Foreign buyers (reported)"),
    "buyer_countries": gettext_lazy("Buyer countries (reported)"),
    "b2b_meetings": gettext_lazy("B2B meetings (reported)"),
    "mous": gettext_lazy("MoUs (reported)"),
}


class OutcomesSummary(EventsExporter):
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

    @classmethod
    def form_fields(cls):
        return {
            "group_by": forms.ChoiceField(
                label=gettext_lazy("Outcomes grouped by"),
                choices=cls.Grouping.choices,
                initial=cls.Grouping.SCHEME,
                required=False,
            )
        }

    def __init__(self, filters=None, **kwargs):
        super().__init__(filters, **kwargs)
        self.grouping = self.options.get("group_by") or self.Grouping.SCHEME
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

    def queryset(self):
        return self.filters.events(self.records())

    def _collect(self, grouped):
        events = self.queryset()
        aggregates = {"events": Count("pk", distinct=True)}
        aggregates.update({name: Sum(name) for name in self.FIGURES})
        return (
            self._grouped(events, "", aggregates, grouped),
            self._values(self.read(B2BMeeting).filter(event__in=events), "event__", grouped),
            self._values(self.read(MoU).filter(event__in=events), "event__", grouped),
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
        return [
            group_label,
            _("Events"),
            *(REPORTED_HEADERS[name] for name in self.FIGURES),
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
