"""How many rows a list's filters give, and each facet's counts: one statement.

Each set of rows counted is found once, in a common table expression of
their keys and of the columns facets count by, and each facet is a grouping
of that table, or of a link table or of (row, choice) pairs joined to it
(portal.facets). Facets whose filter is not set share the rows of all the
filters; each one set has rows of its own, all the filters but its own. A
search is thus evaluated once, plus once per facet set, not once per facet.

A limited facet is cut in SQL to a few more choices than it lists, the
selected one first so that the cut keeps it; facet_choices cuts the rest.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import F

from .facets import bound_facets


@dataclass
class Counts:
    """How many rows the filters give, and {facet: {key: rows}}, the key being
    the choice or the related record's primary key, as text.

    `limits` ({facet: limit}) is what the facets were declared as when
    counted: counts kept (as_json) are of no use to facets declared since
    otherwise (from_json).
    """

    total: int
    choices: dict
    limits: dict

    def as_json(self):
        return {"total": self.total, "choices": self.choices, "limits": self.limits}

    @classmethod
    def from_json(cls, data, filterset):
        """Counts kept for `filterset`'s list, or None if its facets are declared otherwise."""
        if data.get("limits") != limits(filterset):
            return None
        return cls(data["total"], data["choices"], data["limits"])


def limits(filterset):
    return {facet.name: facet.limit for facet in filterset.facets}


def count(filterset):
    """Counts of the filterset's rows and facets, each facet counted with the
    other filters kept."""
    facets = bound_facets(filterset)
    queryset = filterset.queryset
    connection = connections[queryset.db]
    qn = connection.ops.quote_name
    # Named: the SQL may list a queryset's columns in any order.
    columns = {"counted_pk": F("pk")}
    for facet in facets:
        columns.update(facet.by.columns(facet.name))
    tables, table_params = {}, []

    def rows_without(name):
        if name not in tables:
            rows = filterset.rows_without(name).annotate(**columns).values(*columns)
            sql, params = rows.query.sql_with_params()
            tables[name] = qn(f"facet_rows_{len(tables)}"), sql
            table_params.extend(params)
        return tables[name][0]

    # The rows of all the filters are counted too: the list's count.
    groupings = [f"SELECT -1 AS facet, NULL AS choice, COUNT(*) AS n FROM {rows_without(None)}"]
    grouping_params = []
    for number, facet in enumerate(facets):
        rows = rows_without(facet.name if facet.selected is not None else None)
        source, key, n = facet.by.grouping(rows, facet.name, qn)
        # The same types in every grouping: keys are text, whatever their column.
        choice = f"CAST({key} AS TEXT)"
        grouped = f"SELECT {choice} AS choice, {n} AS n FROM {source} GROUP BY {key}"
        if facet.limit is None:
            groupings.append(f"SELECT {number} AS facet, {grouped.removeprefix('SELECT ')}")
            continue
        # Two more than listed: one in case the selected choice is among the
        # first, one to tell whether any is left out.
        groupings.append(
            f"SELECT {number} AS facet, choice, n FROM ({grouped} "
            f"ORDER BY CASE WHEN {choice} = %s THEN 0 ELSE 1 END, {n} DESC, {key} "
            f"LIMIT {int(facet.limit) + 2}) facet_{number}"
        )
        grouping_params.append(facet.selected or "")
    sql = "WITH " + ", ".join(f"{name} AS ({sql})" for name, sql in tables.values())
    sql += " " + " UNION ALL ".join(groupings)
    total, choices = 0, {facet.name: {} for facet in facets}
    with connection.cursor() as cursor:
        cursor.execute(sql, table_params + grouping_params)
        for number, key, n in cursor.fetchall():
            if number < 0:
                total = n
            else:
                choices[facets[number].name][key] = n
    return Counts(total, choices, limits(filterset))
