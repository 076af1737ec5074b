"""The public lists' filters: one FilterSet base, records named by slug or code
and found in one query, defaults declared once, and bad values named rather
than fatal.

A list's FilterSet (a PortalFilterSet) declares, besides its filters:

- `defaults`: the value each choice filter takes when the visitor gives
  none, or one that is not a choice (named in `ignored`): the list as it
  opens. `defaults_for(data)` may make them depend on what else was asked.
  `defaults_change_daily` says whether the rows of the list as it opens
  depend on today's date (upcoming events do), and so whether counts kept for
  it hold only for the day they were counted on (events.list_counts).
- `facets`: the filters offered with how many rows each choice gives
  (portal.facets).

A SortFilter orders the rows and counts nothing: the facets and the list as
it opens leave it aside.

A CalendarDateFilter takes a date in either calendar (portal.l10n.read_date),
on every page and in the API, so that a link means the same days wherever it
is opened; the language links write its days in the other language's
calendar (`PortalFilterSet.params_in`).
"""

from contextlib import suppress

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .date_inputs import CalendarDateField
from .l10n import typed_date
from .text_search import words

EMPTY = (None, "")


class RecordField(django_filters.fields.ModelChoiceField):
    """A record named by its slug or code, cleaned to its primary key.

    The record is not looked up here: `look_up_records` finds those of all
    the form's RecordFields in one query and leaves each in `found`.
    """

    found = None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.found[value]
        except (KeyError, TypeError) as error:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class RecordFilter(django_filters.ModelChoiceFilter):
    """A filter on one record named by its slug or code (to_field_name); see RecordField."""

    field_class = RecordField

    def filter(self, qs, value):
        field = qs.model._meta.get_field(self.field_name)
        if value is None or not field.many_to_many:
            return super().filter(qs, value)
        # A semi-join: a join would repeat a row per matching link, and the
        # DISTINCT undoing that sorts every matching row before a page is cut.
        # On the link table alone: through the rows' own table, PostgreSQL
        # read every key of that table (100,000 events) to find a scheme's.
        links = field.remote_field.through._base_manager.filter(
            **{field.m2m_reverse_field_name(): value}
        )
        return qs.filter(pk__in=links.values(field.m2m_field_name()))


class SortFilter(django_filters.ChoiceFilter):
    """The order of the rows: it changes no count, and no facet counts by it."""


class CalendarDateFilter(django_filters.DateFilter):
    """A date typed year first in either calendar, with any script's digits:
    2026-03-21, 1405-01-01 and ۱۴۰۵/۱/۱ are the same day (Nowruz 1405)."""

    field_class = CalendarDateField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, solar_hijri=True, **kwargs)


def look_up_records(form):
    """Find the records the form's RecordFields name, in one query whatever their number.

    A page with every filter set would otherwise run a lookup per filter.
    """
    named, lookups = {}, []
    for name, record_field in form.fields.items():
        if not isinstance(record_field, RecordField):
            continue
        record_field.found = {}
        value = form[name].data
        # PostgreSQL takes no NUL in a string; no record is named by one.
        if value in record_field.empty_values or not isinstance(value, str) or "\x00" in value:
            continue
        try:
            rows = record_field.queryset.filter(**{record_field.to_field_name or "pk": value})
        except (ValueError, ValidationError):
            continue  # not even of the key's type: no such record
        named[name] = record_field, value
        # The keys as text: the records' primary keys are of different types.
        lookups.append(rows.order_by().values_list(Value(name), Cast("pk", CharField())))
    if not lookups:
        return
    for name, pk in lookups[0].union(*lookups[1:], all=True):
        record_field, value = named[name]
        record_field.found[value] = record_field.queryset.model._meta.pk.to_python(pk)


class PortalFilterSet(django_filters.FilterSet):
    """A public list's filters; the model has a folded `search_text` and a `region`."""

    # {choice filter: its value when none, or none known, is given}.
    defaults = {}
    # Whether the rows of the list as it opens depend on today's date.
    defaults_change_daily = False
    # The facets, in the order the page shows them (portal.facets.Facet).
    facets = ()

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        # A choice filter with a default takes it when the value given is
        # not one of its choices; a value given is named in `ignored`.
        self.replaced = {}
        for name, default in self.defaults_for(data).items():
            if data.get(name) not in dict(self.base_filters[name].extra["choices"]):
                if data.get(name):
                    self.replaced[name] = data[name]
                data[name] = default
        super().__init__(data, *args, **kwargs)

    @classmethod
    def facet(cls, name):
        """The facet declared for the filter `name`."""
        return next(facet for facet in cls.facets if facet.name == name)

    @classmethod
    def defaults_for(cls, data):
        """The defaults when `data` is asked for (`defaults`, unless a list says otherwise)."""
        return cls.defaults

    @classmethod
    def date_in(cls, name, value):
        """The day the date filter `name` reads in `value`; None if none is given or no day."""
        try:
            return cls.base_filters[name].field.clean(value)
        except ValidationError:
            return None

    @classmethod
    def params_in(cls, params, lang):
        """`params` (a QueryDict) for the same list in `lang`: each date as
        `lang`'s date inputs write it, in its calendar (Solar Hijri with
        Persian digits for Persian, else Gregorian). A value that is no date
        is left as it is, and so is a day that `lang`'s calendar cannot write
        so that it reads back as the same day (a Gregorian year before 1700,
        a Solar Hijri one from 1700): None when nothing changes."""
        changed = params.copy()
        for name, date_filter in cls.base_filters.items():
            if not isinstance(date_filter, CalendarDateFilter) or not params.get(name):
                continue
            day = cls.date_in(name, params[name])
            if day is None:
                continue
            with suppress(ValueError):  # beyond the years jdatetime counts
                written = typed_date(day, lang)
                if cls.date_in(name, written) == day:
                    changed[name] = written
        return None if changed == params else changed

    @property
    def form(self):
        if not hasattr(self, "_form"):
            look_up_records(super().form)
        return self._form

    @property
    def cleaned(self):
        """The filters' values, validated (once); those left out are not there."""
        self.is_valid()
        return self.form.cleaned_data

    @property
    def ignored(self):
        """(name, label, value) of each parameter left out because its value is unknown."""
        return [
            *(
                (name, self.filters[name].label, self.data.get(name))
                for name in self.form.errors
                if name in self.filters
            ),
            *((name, self.filters[name].label, value) for name, value in self.replaced.items()),
        ]

    def counts_rows(self, name):
        """Whether the filter `name` changes which rows are listed (a sort does not)."""
        return not isinstance(self.filters[name], SortFilter)

    def at_defaults(self):
        """Whether the rows are those of the list as it opens: every filter
        unset or at its default, whatever the order."""
        opening = self.defaults_for({})
        return all(
            (value == opening[name]) if name in opening else value in EMPTY
            for name, value in self.cleaned.items()
            if self.counts_rows(name)
        )

    def rows_without(self, name=None):
        """The rows every filter but `name`'s gives, unordered (facets group them).

        Reuses the values the form has already validated, so no lookup runs
        twice.
        """
        rows = self.queryset.all()
        for field, value in self.cleaned.items():
            if field != name and value not in EMPTY and self.counts_rows(field):
                rows = self.filters[field].filter(rows, value)
        return rows.order_by()

    def search(self, queryset, name, value):
        for word in words(value):
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def in_region(self, queryset, name, region):
        """A state includes its districts."""
        # A subquery of regions, so that the rows are found by their region's index.
        Region = queryset.model._meta.get_field("region").related_model
        regions = Region.objects.filter(Q(pk=region) | Q(parent=region))
        return queryset.filter(region__in=regions.values("pk"))


def shortened(value):
    """A visitor's value, short enough to quote back."""
    return Truncator(value).chars(60)


def ignored_filters(filterset):
    """A message for each filter left out because its value is unknown or malformed."""
    return [
        _("%(filter)s: “%(value)s” is not a value we know, so it was ignored.")
        % {"filter": label, "value": shortened(value)}
        for _name, label, value in filterset.ignored
    ]
