"""The public lists' filters and facets: the event list's (one FilterSet
serves the list, its facet counts, the calendar and Atom feeds and the JSON
API, so a shared link means the same thing everywhere) and the MoU
register's."""

import django_filters
from django import forms
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from orgs.filters import PlaceAndSectorFilterSet, organisation_filter
from orgs.models import Country, Organisation, Sector
from portal.facets import NEWEST_FIRST, Facet, Note, Numbers, Pairs, Records, StatesAndDistricts
from portal.filtering import CalendarDateFilter, PortalFilterSet, RecordFilter, SortFilter

from .models import Event, MoU, MoUParty, Scheme


class EventFilter(PlaceAndSectorFilterSet):
    WHEN_CHOICES = [
        ("upcoming", _("Upcoming")),
        ("past", _("Past")),
        ("all", pgettext_lazy("events", "All")),
    ]
    SORT_CHOICES = [
        ("date", _("Soonest first")),
        ("-date", _("Latest first")),
        ("title", _("Title")),
    ]

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices)
    schedule = django_filters.ChoiceFilter(label=_("Event status"), choices=Event.Schedule.choices)
    scheme = RecordFilter(
        label=_("Scheme"), field_name="schemes", to_field_name="slug", queryset=Scheme.objects.all()
    )
    target_country = RecordFilter(
        label=_("Target market"),
        field_name="target_countries",
        to_field_name="code",
        queryset=Country.objects.all(),
    )
    organiser = organisation_filter(_("Organiser"), "organisers")
    # In either calendar: 2026-03-21 or, as Persian visitors write it, ۱۴۰۵-۰۱-۰۱.
    date_from = CalendarDateFilter(label=_("From"), method="ends_on_or_after")
    date_to = CalendarDateFilter(label=_("To"), method="starts_on_or_before")
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="by_timing", empty_label=None
    )
    sort = SortFilter(label=_("Sort"), choices=SORT_CHOICES, method="sort_by", empty_label=None)

    facets = (
        Facet("kind"),
        Facet("schedule"),
        Facet("scheme"),
        Facet("sector"),
        Facet("region", labels=StatesAndDistricts()),
        Facet("country"),
        Facet("target_country"),
        # Thousands of bodies organise events across the country: the list
        # offers the most active ones (the directory has every organisation).
        Facet(
            "organiser",
            limit=30,
            note=Note(
                _(
                    "The organisers with the most events are listed; every organisation "
                    'is in the <a href="%(directory)s">directory</a>.'
                ),
                links={"directory": "orgs:list"},
            ),
        ),
    )

    # The list as it opens: upcoming events, soonest first; an unknown `when`
    # or `sort` falls back to these too. Upcoming is reckoned from today.
    defaults = {"when": "upcoming", "sort": "date"}
    defaults_change_daily = True

    class Meta:
        model = Event
        fields = []

    @classmethod
    def defaults_for(cls, data):
        # Every date, when the visitor asked for dates.
        if any(cls.date_in(name, data.get(name)) for name in ("date_from", "date_to")):
            return {**cls.defaults, "when": "all"}
        return cls.defaults

    def ends_on_or_after(self, queryset, name, day):
        return queryset.ending_on_or_after(day)

    def starts_on_or_before(self, queryset, name, day):
        return queryset.filter(start_date__lte=day)

    def by_timing(self, queryset, name, when):
        if when == "upcoming":
            return queryset.upcoming()
        if when == "past":
            return queryset.past()
        return queryset

    def sort_by(self, queryset, name, sort):
        if sort == "title":
            return queryset.order_by("title", "pk")
        # Upcoming: soonest first, dates to be announced last; past: latest first.
        descending = sort == "-date" or (sort == "date" and self.data.get("when") == "past")
        if descending:
            return queryset.order_by(F("start_date").desc(nulls_last=True), "-pk")
        return queryset.order_by(F("start_date").asc(nulls_last=True), "pk")


class YearFilter(django_filters.NumberFilter):
    """A calendar year: a whole number, in any script's digits."""

    field_class = forms.IntegerField


class MoUSectors(Pairs):
    """(MoU, sector) pairs by both ways MoUFilter.in_sector finds an MoU in a
    sector: its event's sectors and its parties'.

    Joined straight from the link tables, each MoU counted once per sector
    however many ways it is in it: COUNT(DISTINCT) over both paths costs
    less than a UNION that removes the pairs found twice before counting.
    Written in SQL because the ORM would reach an event's sectors through
    the events table, the largest the register would read; the filtered MoUs
    come with their event, so that the events' path need not read the MoUs
    again.
    """

    row_columns = {"event": F("event")}

    def pairs(self, rows, qn):
        table = {
            model: qn(model._meta.db_table)
            for model in (MoUParty, Event.sectors.through, Organisation.sectors.through)
        }
        return f"""
            SELECT {rows}.counted_pk AS row_key, link.sector_id AS choice FROM {rows}
            JOIN {table[Event.sectors.through]} link ON link.event_id = {rows}.counted_event
            UNION ALL
            SELECT party.mou_id, link.sector_id FROM {table[MoUParty]} party
            JOIN {rows} ON {rows}.counted_pk = party.mou_id
            JOIN {table[Organisation.sectors.through]} link
                ON link.organisation_id = party.organisation_id
        """


class MoUFilter(PortalFilterSet):
    """The public MoU register's filters.

    An MoU is in a sector when the event it was signed at is about that
    sector or one of its parties works in it: an MoU signed at a district
    workshop between government offices takes the workshop's sectors, one
    between a firm and a buyer the firms' own.
    """

    year = YearFilter(
        label=_("Year signed"),
        field_name="signed_on",
        lookup_expr="year",
        min_value=1900,
        max_value=2100,
    )
    party = organisation_filter(_("Party"), "parties")
    sector = RecordFilter(
        label=_("Sector"), to_field_name="slug", queryset=Sector.objects.all(), method="in_sector"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MoU.Status.choices)

    facets = (
        # Years newest first, as a register is read.
        Facet("year", by=ExtractYear("signed_on"), labels=Numbers(), order=NEWEST_FIRST),
        # A list of every organisation that ever signed an MoU would be
        # thousands long: the parties with the most MoUs.
        Facet(
            "party",
            labels=Records(acronym="acronym"),
            limit=20,
            note=Note(
                _(
                    "Only the parties with the most MoUs are listed. To see another "
                    "organisation’s MoUs, find it in the "
                    '<a href="%(directory)s">organisation directory</a>.'
                ),
                links={"directory": "orgs:list"},
                when_cut=True,
            ),
        ),
        Facet("sector", by=MoUSectors()),
        Facet("status"),
    )

    class Meta:
        model = MoU
        fields = []

    # For the API's schema: the parameter is a sector's slug.
    @extend_schema_field(OpenApiTypes.STR)
    def in_sector(self, queryset, name, sector):
        # Two semi-joins on the link tables: joining the two many-to-many
        # paths would repeat an MoU, and would read the events table too.
        events = Event.sectors.through.objects.filter(sector=sector).values("event_id")
        organisations = Organisation.sectors.through.objects.filter(sector=sector)
        signed_by = MoUParty.objects.filter(
            organisation__in=organisations.values("organisation_id")
        ).values("mou_id")
        return queryset.filter(Q(event__in=events) | Q(pk__in=signed_by))
