"""The public event list's filters: one FilterSet serves the list, its facet
counts, the calendar and Atom feeds and the JSON API, so a shared link means
the same thing everywhere."""

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orgs.models import Country, Organisation, Region, Sector
from portal.filtering import PortalFilterSet, RecordFilter, SortFilter

from .models import Event, MoU, MoUParty, Scheme


def _is_date(value):
    try:
        return bool(value) and parse_date(value) is not None
    except ValueError:
        return False


class EventFilter(PortalFilterSet):
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

    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices)
    scheme = RecordFilter(
        label=_("Scheme"), field_name="schemes", to_field_name="slug", queryset=Scheme.objects.all()
    )
    sector = RecordFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )
    country = RecordFilter(label=_("Country"), queryset=Country.objects.all(), to_field_name="code")
    region = RecordFilter(
        label=_("State / district"),
        to_field_name="slug",
        queryset=Region.objects.all(),
        method="in_region",
    )
    target_country = RecordFilter(
        label=_("Target market"),
        field_name="target_countries",
        to_field_name="code",
        queryset=Country.objects.all(),
    )
    organiser = RecordFilter(
        label=_("Organiser"),
        field_name="organisers",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
    )
    date_from = django_filters.DateFilter(label=_("From"), method="ends_on_or_after")
    date_to = django_filters.DateFilter(label=_("To"), method="starts_on_or_before")
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="by_timing", empty_label=None
    )
    sort = SortFilter(label=_("Sort"), choices=SORT_CHOICES, method="sort_by", empty_label=None)

    # The facets: filters whose choices are listed with how many events each gives.
    FACETS = ("kind", "scheme", "sector", "country", "region", "target_country", "organiser")

    # The list as it opens: upcoming events, soonest first; an unknown `when`
    # or `sort` falls back to these too. Upcoming is reckoned from today.
    defaults = {"when": "upcoming", "sort": "date"}

    class Meta:
        model = Event
        fields = []

    @classmethod
    def defaults_for(cls, data):
        # Every date, when the visitor asked for dates.
        if any(_is_date(data.get(name)) for name in ("date_from", "date_to")):
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
    party = RecordFilter(
        label=_("Party"),
        field_name="parties",
        to_field_name="slug",
        queryset=Organisation.objects.all(),
    )
    sector = RecordFilter(
        label=_("Sector"), to_field_name="slug", queryset=Sector.objects.all(), method="in_sector"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MoU.Status.choices)

    # The facets: filters whose choices are listed with how many MoUs each gives.
    FACETS = ("year", "party", "sector", "status")

    class Meta:
        model = MoU
        fields = []

    def in_sector(self, queryset, name, sector):
        # Two semi-joins on the link tables: joining the two many-to-many
        # paths would repeat an MoU, and would read the events table too.
        events = Event.sectors.through.objects.filter(sector=sector).values("event_id")
        organisations = Organisation.sectors.through.objects.filter(sector=sector)
        signed_by = MoUParty.objects.filter(
            organisation__in=organisations.values("organisation_id")
        ).values("mou_id")
        return queryset.filter(Q(event__in=events) | Q(pk__in=signed_by))
