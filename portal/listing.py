"""What the public list pages share: one FilterSet base, bad filter values
named rather than fatal, pagination where only a page past the end is an
error (a 404), and facet counts in one grouped query per facet."""

from dataclasses import dataclass, field

import django_filters
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Case, CharField, Count, IntegerField, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .text_search import words

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


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
        if value is None or not qs.model._meta.get_field(self.field_name).many_to_many:
            return super().filter(qs, value)
        # A semi-join: a join would repeat a row per matching link, and the
        # DISTINCT undoing that sorts every matching row before a page is cut.
        linked = qs.model._base_manager.filter(**{self.field_name: value})
        return qs.filter(pk__in=linked.values("pk"))


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

    @property
    def form(self):
        if not hasattr(self, "_form"):
            look_up_records(super().form)
        return self._form

    @property
    def ignored(self):
        """(name, label, value) of each parameter left out because its value is unknown."""
        return [
            (name, self.filters[name].label, self.data.get(name))
            for name in self.form.errors
            if name in self.filters
        ]

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


@dataclass
class Listing:
    """One page of a filtered list, its facets, and what was ignored."""

    filterset: PortalFilterSet
    page: object
    facets: dict
    ignored: list

    @property
    def count(self):
        return self.page.paginator.count


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


def paginate(queryset, params, page_size, not_found):
    """One page of `queryset`, and a message if `page` was not a page number.

    A malformed page number shows the first page; a page past the end
    raises Http404 with the `not_found` message.
    """
    paginator = Paginator(queryset, page_size)
    number = params.get("page", "1")
    ignored = []
    if not str(number).isdecimal():
        ignored.append(
            _("Page “%(value)s” is not a page number; showing the first page.")
            % {"value": shortened(number)}
        )
        number = 1
    try:
        return paginator.page(number), ignored
    except InvalidPage as error:
        raise Http404(not_found) from error


class SubqueryCount(Subquery):
    """How many rows a correlated subquery gives, as a single value."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def as_shown(field, prefix=""):
    """A translated field as the page shows it, for ordering: in the page's
    language, else in the first fallback language that has it."""
    codes = dict.fromkeys([get_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES])
    return Coalesce(*(NullIf(f"{prefix}{field}_{code}", Value("")) for code in codes))


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    children: list = field(default_factory=list)


def label_of(row, prefix, lang):
    """A translated name out of a values() row, falling back as the models do."""
    for code in [lang, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"]
    return ""


def name_columns(prefix):
    return [f"{prefix}_{code}" for code in LANGUAGE_CODES]


def filtered_without(filterset, facet):
    """The filterset's rows with every filter applied but `facet`'s.

    Reuses the values the form has already validated, so no lookup runs
    twice; the ordering is dropped, as a facet groups.
    """
    rows = filterset.queryset.all()
    for name, value in filterset.form.cleaned_data.items():
        if name not in (facet, "sort") and value not in (None, ""):
            rows = filterset.filters[name].filter(rows, value)
    return rows.order_by()


def grouped_facets(filterset, facet_fields, choice_labels, limits=None):
    """How many rows each choice of each facet would give, the other filters kept.

    `facet_fields` maps a facet to the field its value comes from and the
    prefix of its translated name columns (None for a choice field, whose
    labels come from `choice_labels[facet]`, a TextChoices class). A
    "region" facet lists states, their districts' rows counted with them.
    `limits` caps a facet at its most frequent choices, the selected one
    always kept. One grouped query per facet, whatever the number of rows.
    """
    lang = get_language()
    limits = limits or {}
    facets = {}
    for facet, (value_field, name_prefix) in facet_fields.items():
        columns = [value_field, *(name_columns(name_prefix) if name_prefix else [])]
        if facet == "region":
            columns += ["region__parent__slug", *name_columns("region__parent__name")]
        if facet in limits:
            facets[facet] = _top_choices(filterset, facet, value_field, limits[facet], lang)
            continue
        selected = filterset.data.get(facet)
        rows = (
            filtered_without(filterset, facet)
            .filter(**{f"{value_field}__isnull": False})
            .values(*columns)
            .annotate(n=Count("pk"))
        )
        if facet == "region":
            facets[facet] = _region_facet(rows, selected, lang)
            continue
        choices = [
            FacetChoice(
                value=row[value_field],
                label=(
                    choice_labels[facet](row[value_field]).label
                    if name_prefix is None
                    else label_of(row, name_prefix, lang)
                ),
                count=row["n"],
                selected=row[value_field] == selected,
            )
            for row in rows
        ]
        facets[facet] = by_count(choices)
    return facets


def _top_choices(filterset, facet, value_field, limit, lang):
    """The `limit` choices of a related-record facet that give the most rows,
    the selected one always among them.

    Two queries: the rows are counted by the related record's key alone, then
    the names of just those records are read; grouping thousands of joined
    rows by their names in four languages is what one query would cost.
    """
    relation, key = value_field.split("__")
    selected = filterset.form.cleaned_data.get(facet)
    order = ["-n", relation]
    if selected:
        order.insert(0, Case(When(**{relation: selected}, then=0), default=1))
    counts = dict(
        filtered_without(filterset, facet)
        .filter(**{f"{relation}__isnull": False})
        .values(relation)
        .annotate(n=Count("pk"))
        .order_by(*order)
        .values_list(relation, "n")[:limit]
    )
    records = filterset.queryset.model._meta.get_field(relation).related_model._base_manager
    return by_count(
        FacetChoice(
            value=row[key],
            label=label_of(row, "name", lang),
            count=counts[row["pk"]],
            selected=row["pk"] == selected,
        )
        for row in records.filter(pk__in=counts).values("pk", key, *name_columns("name"))
    )


def by_count(choices):
    return sorted(choices, key=lambda c: (-c.count, str(c.label)))


def _region_facet(rows, selected, lang):
    """States with their rows' count (their districts' included), each with its districts."""
    states = {}
    for row in rows:
        state_slug = row["region__parent__slug"] or row["region__slug"]
        state_prefix = "region__parent__name" if row["region__parent__slug"] else "region__name"
        state = states.setdefault(
            state_slug,
            FacetChoice(state_slug, label_of(row, state_prefix, lang), 0, state_slug == selected),
        )
        state.count += row["n"]
        if row["region__parent__slug"]:
            slug = row["region__slug"]
            state.children.append(
                FacetChoice(slug, label_of(row, "region__name", lang), row["n"], slug == selected)
            )
    return by_count(states.values())
