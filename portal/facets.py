"""A list's facets: filters offered with how many rows each of their choices gives.

A FilterSet (portal.filtering.PortalFilterSet) declares its facets once, in
the order its page shows them:

    facets = (
        Facet("kind"),                                  # a choice column
        Facet("sector"),                                # a many-to-many field
        Facet("region", labels=StatesAndDistricts()),   # a foreign key, grouped
        Facet("year", by=ExtractYear("signed_on"), labels=Numbers(), order=NEWEST_FIRST),
        Facet("organiser", limit=30, note=Note(...)),   # the 30 with the most rows
    )

A Facet names a filter of the set; what it counts by and how it names its
choices default to what the filter says:

- `by`: a field of the model, by name (a column, a foreign key, a
  many-to-many field, counted through its link table), an expression on
  the row (`Column`), or (row, choice) pairs written in SQL (`Pairs`), for
  a choice a row reaches more than one way; by default the filter's field.
- `labels`: the filter's choices (`Choices`), the names of the records it
  names (`Records`, by the filter's slug or code, in the page's language),
  a state with its districts (`StatesAndDistricts`), or the value in the
  page's digits (`Numbers`); by default the first that fits the filter.
- `limit`: the most choices listed, those with the most rows; the selected
  one is kept wherever it ranks. `note`: what the page says under the
  facet, always or where the list was cut.

portal.facet_counts counts every facet in one statement; `facet_choices`
names the choices counted, every facet's records in one more query, and
gives each facet's FacetChoices, which the list templates loop over.
"""

from dataclasses import dataclass, field

import django_filters
from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .filtering import EMPTY
from .l10n import digits
from .languages import LANGUAGE_CODES, first_written

# How a facet's choices are ordered: most rows first (then by label), or by
# value, the highest first (years, newest first).
BY_COUNT = "count"
NEWEST_FIRST = "-value"


# What a facet counts by: each gives the columns it needs on the filtered
# rows (a common table expression with the rows' keys as `counted_pk`) and
# the FROM, the key and the count of its grouping (portal.facet_counts).


class Column:
    """Rows counted by a value of their own: a column, a foreign key's, or an expression."""

    def __init__(self, expression):
        self.expression = expression

    def columns(self, name):
        return {f"counted_{name}": self.expression}

    def grouping(self, rows, name, qn):
        key = f"{rows}.{qn(f'counted_{name}')}"
        return f"{rows} WHERE {key} IS NOT NULL", key, "COUNT(*)"


class Link:
    """Rows counted by the records a many-to-many field links them to, through
    its link table (which holds a pair once)."""

    def __init__(self, many_to_many):
        self.field = many_to_many

    def columns(self, name):
        return {}

    def grouping(self, rows, name, qn):
        table = qn(self.field.remote_field.through._meta.db_table)
        owner = qn(self.field.m2m_column_name())
        source = f"{rows} JOIN {table} link ON link.{owner} = {rows}.counted_pk"
        return source, f"link.{qn(self.field.m2m_reverse_name())}", "COUNT(*)"


class Pairs:
    """Rows counted by (row, choice) pairs a subclass writes in SQL: a row
    counted once per choice, however many ways it reaches it.

    `row_columns` ({name: expression}) are read from the filtered rows as
    `counted_<name>`, besides their key, `counted_pk`. `pairs(rows, qn)` is
    the SQL of the pairs, columns `row_key` and `choice`, given the name of
    the rows' table expression and the connection's quote_name.
    """

    row_columns = {}

    def columns(self, name):
        return {f"counted_{column}": value for column, value in self.row_columns.items()}

    def pairs(self, rows, qn):
        raise NotImplementedError

    def grouping(self, rows, name, qn):
        return f"({self.pairs(rows, qn)}) pairs", "pairs.choice", "COUNT(DISTINCT pairs.row_key)"


# How a facet names its choices.


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    children: list = field(default_factory=list)


class FacetChoices(list):
    """A facet's choices, as its page lists them: the filter's `name` and
    `label`, whether choices were left out (`more`), and the `note` to show."""

    def __init__(self, choices, *, name, label, more=False, note=""):
        super().__init__(choices)
        self.name, self.label, self.more, self.note = name, label, more, note


class Choices:
    """The filter's own choices (a choice column's)."""

    def records(self, facet, keys):
        return None

    def choices(self, facet, counts, records, lang):
        names = dict(facet.filter.extra["choices"])
        return [
            FacetChoice(key, names.get(key, key), n, key == facet.selected)
            for key, n in counts.items()
        ]


class Numbers(Choices):
    """The value itself, in the page's digits (a year)."""

    def choices(self, facet, counts, records, lang):
        return [
            FacetChoice(key, digits(key, lang), n, key == facet.selected)
            for key, n in counts.items()
        ]


class Records:
    """The records counted, named by their translated field `name` in the
    page's language (falling back as the models do), by the slug or code
    the filter names them by; "name (acronym)" if `acronym` names a field
    that has one."""

    def __init__(self, *, name="name", acronym=None):
        self.name, self.acronym = name, acronym

    def columns(self):
        columns = {
            "key": Cast("pk", CharField()),
            **{f"label_{code}": F(f"{self.name}_{code}") for code in LANGUAGE_CODES},
        }
        if self.acronym:
            columns["acronym"] = F(self.acronym)
        return columns

    def records(self, facet, keys):
        """The records of `keys` (primary keys as text), and their columns."""
        value = facet.filter.extra.get("to_field_name") or "pk"
        # A plain QuerySet: modeltranslation's would rework every row read,
        # and the columns are named in full anyway.
        records = QuerySet(facet.filter.queryset.model).filter(pk__in=keys).order_by()
        return records, {"value": Cast(value, CharField()), **self.columns()}

    def label(self, record, lang):
        name = first_written(record, "label", lang)
        acronym = record.get("acronym")
        return f"{name} ({acronym})" if acronym and acronym != name else name

    def choices(self, facet, counts, records, lang):
        # A record gone since its rows were counted is left out.
        return [
            FacetChoice(record["value"], self.label(record, lang), n, key == facet.selected)
            for key, n in counts.items()
            if (record := records.get(key))
        ]


class StatesAndDistricts(Records):
    """Regions as states, each with its rows' count (its districts' included)
    and its districts under it."""

    def columns(self):
        return {
            **super().columns(),
            "state_key": Cast("parent", CharField()),
            "state": F("parent__slug"),
            **{f"state_label_{code}": F(f"parent__name_{code}") for code in LANGUAGE_CODES},
        }

    def choices(self, facet, counts, records, lang):
        states = {}
        for key, n in counts.items():
            region = records.get(key)
            if region is None:
                continue
            in_state = region["state"] is not None
            state_key = region["state_key"] if in_state else key
            state = states.get(state_key)
            if state is None:
                value = region["state"] if in_state else region["value"]
                label = first_written(region, "state_label" if in_state else "label", lang)
                state = FacetChoice(value, label, 0, state_key == facet.selected)
                states[state_key] = state
            state.count += n
            if in_state:
                state.children.append(
                    FacetChoice(region["value"], self.label(region, lang), n, key == facet.selected)
                )
        for state in states.values():
            state.children = by_count(state.children)
        return list(states.values())


@dataclass
class Note:
    """What the page says under a facet: `text`, translated HTML, linking to
    the pages `links` names ({placeholder: URL name}); shown always, or only
    where the list was cut if `when_cut`."""

    text: str
    links: dict = field(default_factory=dict)
    when_cut: bool = False

    def html(self):
        # The translations' own markup is trusted, as a template's blocktranslate trusts it.
        text = str(self.text)
        if self.links:
            text %= {name: conditional_escape(reverse(url)) for name, url in self.links.items()}
        return mark_safe(text)


# The declaration.


class Facet:
    """A filter of the set offered with its choices' counts (see the module's docstring)."""

    def __init__(self, name, *, by=None, labels=None, limit=None, order=BY_COUNT, note=None):
        self.name, self.by, self.labels = name, by, labels
        self.limit, self.order, self.note = limit, order, note

    def bind(self, filterset):
        """The facet as this filterset counts it: its filter, the way it
        counts, its labels and the choice selected (its key as text)."""
        filter_ = filterset.filters[self.name]
        by = self.by if self.by is not None else filter_.field_name
        if isinstance(by, str):
            model_field = filterset.queryset.model._meta.get_field(by)
            by = Link(model_field) if model_field.many_to_many else Column(F(by))
        elif not isinstance(by, Column | Link | Pairs):
            by = Column(by)  # an expression
        labels = self.labels or _labels_of(filter_)
        selected = filterset.cleaned.get(self.name)
        selected = None if selected in EMPTY else str(selected)
        return BoundFacet(self, filter_, by, labels, selected)


def _labels_of(filter_):
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        return Records()
    if "choices" in filter_.extra:
        return Choices()
    return Numbers()


@dataclass
class BoundFacet:
    facet: Facet
    filter: object
    by: object
    labels: object
    selected: str | None

    @property
    def name(self):
        return self.facet.name

    @property
    def limit(self):
        return self.facet.limit


def bound_facets(filterset):
    """The filterset's facets, bound to it (once)."""
    if not hasattr(filterset, "_bound_facets"):
        filterset._bound_facets = [facet.bind(filterset) for facet in filterset.facets]
    return filterset._bound_facets


def natural(key):
    """A choice's key for ordering: a number as a number, before any text."""
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def by_count(choices):
    return sorted(choices, key=lambda c: (-c.count, str(c.label)))


def cut(facet, counts):
    """A limited facet's `limit` choices with the most rows (ties by key) and
    the selected one wherever it ranks; and whether any was left out."""
    if facet.limit is None:
        return counts, False
    ranked = sorted(counts, key=lambda key: (-counts[key], natural(key)))
    kept = ranked[: facet.limit]
    if facet.selected in counts and facet.selected not in kept:
        kept.append(facet.selected)
    return {key: counts[key] for key in kept}, len(kept) < len(counts)


def facet_choices(filterset, counts):
    """{facet name: FacetChoices}, in the declared order, out of `counts`
    (portal.facet_counts.Counts): one query whatever the number of rows and
    facets, for the records counted (none if no facet names records)."""
    lang = get_language()
    facets = bound_facets(filterset)
    kept = {facet.name: cut(facet, counts.choices.get(facet.name, {})) for facet in facets}
    records = _counted_records(facets, {name: shown for name, (shown, _more) in kept.items()})
    listed = {}
    for facet in facets:
        shown, more = kept[facet.name]
        choices = facet.labels.choices(facet, shown, records[facet.name], lang)
        if facet.facet.order == NEWEST_FIRST:
            choices.sort(key=lambda c: natural(c.value), reverse=True)
        else:
            choices = by_count(choices)
        note = facet.facet.note
        listed[facet.name] = FacetChoices(
            choices,
            name=facet.name,
            label=facet.filter.label,
            more=more,
            note=note.html() if note and (more or not note.when_cut) else "",
        )
    return listed


def _counted_records(facets, counts):
    """{facet: {key: record}}: the records counted, of every facet, in one query.

    A record is a dict of the columns its facet's labels read (`value`,
    `label_<lang>`, ...); the parts of the union each give every column,
    NULL where theirs has none.
    """
    parts = []
    for number, facet in enumerate(facets):
        if counts[facet.name] and (found := facet.labels.records(facet, counts[facet.name])):
            parts.append((number, *found))
    records = {facet.name: {} for facet in facets}
    if not parts:
        return records
    names = list(dict.fromkeys(name for _n, _r, columns in parts for name in columns))
    nothing = Value(None, output_field=CharField())
    queries = [
        # Named, the columns line up in every part of the union, whatever
        # order the SQL lists them in.
        rows.annotate(
            counted_facet=Value(number),
            **{f"counted_{name}": columns.get(name, nothing) for name in names},
        ).values("counted_facet", *(f"counted_{name}" for name in names))
        for number, rows, columns in parts
    ]
    for row in queries[0].union(*queries[1:], all=True):
        record = {name.removeprefix("counted_"): value for name, value in row.items()}
        records[facets[record["facet"]].name][record["key"]] = record
    return records
