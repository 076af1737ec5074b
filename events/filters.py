"""The public event list's filters: one FilterSet serves the list, its facet
counts, the calendar and Atom feeds and the JSON API, so a shared link means
the same thing everywhere."""

import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orgs.models import Country, Organisation, Region, Sector
from portal.text_search import words

from .models import Event, Scheme


class EventFilter(django_filters.FilterSet):
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
    scheme = django_filters.ModelChoiceFilter(
        label=_("Scheme"), field_name="schemes", to_field_name="slug", queryset=Scheme.objects.all()
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="code"
    )
    region = django_filters.ModelChoiceFilter(
        label=_("State / district"),
        to_field_name="slug",
        queryset=Region.objects.all(),
        method="in_region",
    )
    target_country = django_filters.ModelChoiceFilter(
        label=_("Target market"),
        field_name="target_countries",
        to_field_name="code",
        queryset=Country.objects.all(),
    )
    organiser = django_filters.ModelChoiceFilter(
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
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=SORT_CHOICES, method="sort_by", empty_label=None
    )

    # The facets: filters whose choices are listed with how many events each gives.
    FACETS = ("kind", "scheme", "sector", "country", "region", "target_country", "organiser")

    class Meta:
        model = Event
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        # Upcoming meets by default, unless the visitor asked for dates; an
        # unknown `when` or `sort` falls back to the default too.
        self.replaced = {}
        defaults = {
            "when": "all" if data.get("date_from") or data.get("date_to") else "upcoming",
            "sort": "date",
        }
        for name, choices in (("when", self.WHEN_CHOICES), ("sort", self.SORT_CHOICES)):
            if data.get(name) not in dict(choices):
                if data.get(name):
                    self.replaced[name] = data[name]
                data[name] = defaults[name]
        super().__init__(data, *args, **kwargs)

    @property
    def ignored(self):
        """(label, value) of each parameter left out because its value is unknown."""
        bad = {name: self.data.get(name) for name in self.form.errors}
        return [
            (self.filters[name].label, value) for name, value in {**bad, **self.replaced}.items()
        ]

    @property
    def qs(self):
        # Facet filters on many-to-many fields can meet an event more than once.
        return super().qs.distinct()

    def search(self, queryset, name, value):
        for word in words(value):
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def in_region(self, queryset, name, region):
        return queryset.in_region(region)

    def ends_on_or_after(self, queryset, name, day):
        return queryset.filter(Q(end_date__gte=day) | Q(end_date__isnull=True, start_date__gte=day))

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
