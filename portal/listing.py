"""What the public list pages share: a page of a filtered list with its count
and facets, each list served by the same steps.

- the filters (portal.filtering): records named by slug or code looked up
  in one query, bad values named and ignored, defaults declared once;
- the count and every facet's counts, in one statement
  (portal.facet_counts), unless the caller has them kept;
- the page (portal.paging): only a page past the end is an error;
- the facets' choices named (portal.facets), in one more query.

The event list and the MoU register still count their facets with the
functions below, each given its facets' fields.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections
from django.db.models import CharField, F, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.translation import get_language

from .facet_counts import count
from .facets import facet_choices
from .filtering import PortalFilterSet, ignored_filters
from .paging import paginate

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Listing:
    """One page of a filtered list, its facets ({name: FacetChoices}, in the
    order the page shows them), and what was ignored."""

    filterset: PortalFilterSet
    page: object
    facets: dict
    ignored: list

    @property
    def count(self):
        return self.page.paginator.count


def list_page(filterset, rows, params, *, page_size, not_found, counts=None):
    """One page of `rows` (the filterset's, ordered, with what the page
    shows of each), the facets, and what was ignored.

    `counts` (portal.facet_counts.Counts), when the caller has them kept,
    spare counting; a bad parameter is left out and named; a page past
    the end is a 404 saying `not_found`.
    """
    if counts is None:
        counts = count(filterset)
    page, bad_page = paginate(rows, params, page_size, not_found, counts.total)
    facets = facet_choices(filterset, counts)
    return Listing(filterset, page, facets, ignored_filters(filterset) + bad_page)


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


def grouped_facets(filterset, facet_fields, choice_labels, counts):
    """How many rows each choice of each facet would give, the other filters kept.

    `facet_fields` maps a facet to the field its value comes from and the
    prefix of its translated name columns (None for a choice field, whose
    labels come from `choice_labels[facet]`, a TextChoices class). A
    "region" facet lists states, their districts' rows counted with them.
    `counts` is facet_counts' answer (cut by top_counts where a facet is
    long). One query whatever the number of rows and facets: the records
    counted.
    """
    lang = get_language()
    model = filterset.queryset.model
    records = _counted_records(model, facet_fields, counts)
    facets = {}
    for facet, (_field, name_prefix) in facet_fields.items():
        selected = filterset.data.get(facet)
        if name_prefix is None:
            choices = [
                FacetChoice(key, choice_labels[facet](key).label, n, key == selected)
                for key, n in counts[facet].items()
            ]
        else:
            counted = [(records[facet][key], n) for key, n in counts[facet].items()]
            if facet == "region":
                facets[facet] = _region_facet(counted, selected, lang)
                continue
            choices = [
                FacetChoice(row["value"], label_of(row, "label", lang), n, row["value"] == selected)
                for row, n in counted
            ]
        facets[facet] = by_count(choices)
    return facets


def _facet_column(model, value_field):
    """The field of `model` a facet counts by: a column of its table or a many-to-many link."""
    return model._meta.get_field(value_field.split("__")[0])


def facet_counts(filterset, facet_fields):
    """How many rows the filters give, and {facet: {key: rows}}, the key
    being the choice or the related record's primary key, as text; each
    facet counted with the other filters kept.

    One statement: each set of rows counted is found once, in a common
    table expression of their keys and of the columns facets count by, and
    each facet is a grouping of that table or of a link table joined to it.
    Facets whose filter is not set share the rows of all the filters; each
    one set has rows of its own, all the filters but its own. A search is
    thus evaluated once, plus once per facet set, not once per facet.
    """
    model = filterset.queryset.model
    connection = connections[filterset.queryset.db]
    qn = connection.ops.quote_name
    fields = {facet: _facet_column(model, value) for facet, (value, _) in facet_fields.items()}
    # Named: the SQL may list a queryset's columns in any order.
    columns = {"counted_pk": F("pk")}
    columns.update((f"counted_{f.name}", F(f.name)) for f in fields.values() if not f.many_to_many)
    cleaned = filterset.cleaned
    bases, params = {}, []

    def rows_without(facet):
        if facet not in bases:
            rows = filterset.rows_without(facet).annotate(**columns).values(*columns)
            sql, rows_params = rows.query.sql_with_params()
            bases[facet] = qn(f"facet_rows_{len(bases)}"), sql
            params.extend(rows_params)
        return bases[facet][0]

    # The rows of all the filters are counted too: the list's count.
    groupings = [f"SELECT -1 AS facet, NULL AS choice, COUNT(*) AS n FROM {rows_without(None)}"]
    for number, (facet, counted_by) in enumerate(fields.items()):
        rows = rows_without(facet if cleaned.get(facet) not in (None, "") else None)
        if counted_by.many_to_many:
            key = f"link.{qn(counted_by.m2m_reverse_name())}"
            source = (
                f"{rows} JOIN {qn(counted_by.remote_field.through._meta.db_table)} link "
                f"ON link.{qn(counted_by.m2m_column_name())} = {rows}.counted_pk"
            )
        else:
            key = qn(f"counted_{counted_by.name}")
            source = f"{rows} WHERE {key} IS NOT NULL"
        # The same types in every grouping: keys are text, whatever their column.
        groupings.append(
            f"SELECT {number} AS facet, CAST({key} AS TEXT) AS choice, COUNT(*) AS n "
            f"FROM {source} GROUP BY {key}"
        )
    sql = "WITH " + ", ".join(f"{name} AS ({sql})" for name, sql in bases.values())
    sql += " " + " UNION ALL ".join(groupings)
    total, counts = 0, {facet: {} for facet in fields}
    names = list(fields)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for number, key, n in cursor.fetchall():
            if number < 0:
                total = n
            else:
                counts[names[number]][key] = n
    return total, counts


def top_counts(filterset, facet_fields, limits, counts):
    """`counts` with each facet of `limits` cut to its most frequent keys,
    the selected record always kept."""
    counts = dict(counts)
    model = filterset.queryset.model
    for facet, limit in limits.items():
        pk = _facet_column(model, facet_fields[facet][0]).related_model._meta.pk
        selected = filterset.form.cleaned_data.get(facet)
        selected = None if selected is None else str(selected)
        ranked = sorted(
            counts[facet], key=lambda k: (k != selected, -counts[facet][k], pk.to_python(k))
        )
        counts[facet] = {key: counts[facet][key] for key in ranked[:limit]}
    return counts


def _counted_records(model, facet_fields, counts):
    """{facet: {key: record}}: the records counted, of every facet, in one query.

    A record is a dict: its `value` (slug or code) and `label_<lang>`, and
    for a district its state's `state` (slug) and `state_label_<lang>`.
    """
    queries = []
    for number, (facet, (value_field, name_prefix)) in enumerate(facet_fields.items()):
        if name_prefix is None or not counts[facet]:
            continue
        # A plain QuerySet: modeltranslation's would rework every row read,
        # hundreds here, and the columns are named in full anyway.
        related = QuerySet(_facet_column(model, value_field).related_model)
        columns = {
            "facet": Value(number),
            "key": Cast("pk", CharField()),
            "value": F(value_field.split("__")[1]),
            **{f"label_{code}": F(f"name_{code}") for code in LANGUAGE_CODES},
            "state": F("parent__slug"),
            **{f"state_label_{code}": F(f"parent__name_{code}") for code in LANGUAGE_CODES},
        }
        if facet != "region":
            nothing = Value(None, output_field=CharField())
            columns.update((name, nothing) for name in columns if name.startswith("state"))
        # Named, the columns line up in every part of the union, whatever order
        # the SQL lists them in.
        named = {f"counted_{name}": expression for name, expression in columns.items()}
        queries.append(
            related.filter(pk__in=counts[facet]).order_by().annotate(**named).values(*named)
        )
    records = {facet: {} for facet in facet_fields}
    if not queries:
        return records
    names = list(facet_fields)
    for row in queries[0].union(*queries[1:], all=True):
        record = {name.removeprefix("counted_"): value for name, value in row.items()}
        records[names[record["facet"]]][record["key"]] = record
    return records


def by_count(choices):
    return sorted(choices, key=lambda c: (-c.count, str(c.label)))


def _region_facet(counted, selected, lang):
    """States with their rows' count (their districts' included), each with its districts.

    `counted`: (region, rows) pairs, a region as _counted_records gives it.
    """
    states = {}
    for region, n in counted:
        state_slug = region["state"] or region["value"]
        label = label_of(region, "state_label" if region["state"] else "label", lang)
        state = states.setdefault(
            state_slug, FacetChoice(state_slug, label, 0, state_slug == selected)
        )
        state.count += n
        if region["state"]:
            slug = region["value"]
            state.children.append(
                FacetChoice(slug, label_of(region, "label", lang), n, slug == selected)
            )
    return by_count(states.values())
