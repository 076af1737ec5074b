"""Reads the public MoU register needs: the public MoUs, filtered and paginated,
with their parties and the facet counts."""

from collections import Counter

from django.db import connection
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, When
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from orgs.models import Organisation, Sector
from portal.filtering import ignored_filters
from portal.l10n import digits
from portal.listing import FacetChoice, Listing, by_count, label_of, name_columns
from portal.paging import paginate

from .filters import MoUFilter
from .models import Event, MoU, MoUParty, MoURegisterCount

PAGE_SIZE = 20

# The party facet lists this many parties, those with the most MoUs: a list
# of every organisation that ever signed one would be thousands long.
TOP_PARTIES = 20


def public_mous():
    """MoUs the public may see: all but those signed at an event still in draft."""
    # Leaving out the MoUs of the few unpublished events, found in their
    # partial index, rather than joining each MoU to its event: the events
    # table is the largest the register would read. NOT EXISTS rather than
    # NOT IN: it lets a page that needs a few MoUs (an organisation's) look
    # each up, where NOT IN made PostgreSQL read every MoU first.
    unpublished = Event.objects.filter(pk=OuterRef("event_id")).exclude(
        status=Event.Status.PUBLISHED
    )
    return MoU.objects.filter(~Exists(unpublished))


def with_parties():
    """An MoU's parties in their order, each with its organisation: for prefetch_related."""
    return Prefetch(
        "party_links", MoUParty.objects.select_related("organisation").order_by("order", "pk")
    )


def mou_listing(*, params, page_size=PAGE_SIZE):
    """The public MoUs `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404.
    """
    filterset = MoUFilter(params, queryset=public_mous())
    queryset = filterset.qs.select_related("event").prefetch_related(with_parties())
    page, bad_page = paginate(queryset, params, page_size, _("There is no such page of MoUs."))
    return Listing(filterset, page, mou_facets(filterset), ignored_filters(filterset) + bad_page)


class TopChoices(list):
    """A facet's most frequent choices; `more` when others were left out."""

    more = False


def mou_facets(filterset):
    """How many MoUs each choice of each facet would give, the other filters kept.

    Five queries, whatever the number of MoUs: one grouped by year and
    status serves both facets; two for party, which lists the parties with
    the most MoUs only, and two for sector, their counts and their names
    (see _party_sector_rows).
    """
    lang = get_language()
    params = filterset.data
    cleaned = filterset.form.cleaned_data

    def choices(rows, value, label, selected):
        return [
            FacetChoice(
                value=str(row[value]),
                label=label(row),
                count=row["n"],
                selected=str(row[value]) == selected,
            )
            for row in rows
            if row[value] and row["n"]
        ]

    # The filters join no many-to-many table, so each MoU is one row and
    # counting rows counts MoUs.
    years_statuses = list(
        _filtered_without(filterset, "year", "status")
        .annotate(year=ExtractYear("signed_on"))
        .values("year", "status")
        .annotate(n=Count("*"))
    )
    parties, sectors = _party_sector_rows(filterset)

    return {
        # Years newest first, as a register is read.
        "year": sorted(
            choices(
                _summed(years_statuses, "year", status=cleaned.get("status")),
                "year",
                lambda row: digits(row["year"], lang),
                params.get("year"),
            ),
            key=lambda c: -int(c.value),
        ),
        "party": _top(
            by_count(
                choices(parties, "slug", lambda row: _party_label(row, lang), params.get("party"))
            )
        ),
        "sector": by_count(
            choices(sectors, "slug", lambda row: label_of(row, "name", lang), params.get("sector"))
        ),
        "status": by_count(
            choices(
                _summed(years_statuses, "status", year=cleaned.get("year")),
                "status",
                lambda row: MoU.Status(row["status"]).label,
                params.get("status"),
            )
        ),
    }


def _filtered_without(filterset, *facets):
    """The filterset's rows with every filter applied but those of `facets`.

    PortalFilterSet.rows_without, for several facets: reuses the values
    the form has already validated, so no lookup runs twice; the ordering
    is dropped, as a facet groups.
    """
    rows = filterset.queryset.all()
    for name, value in filterset.form.cleaned_data.items():
        if name not in facets and value not in (None, ""):
            rows = filterset.filters[name].filter(rows, value)
    return rows.order_by()


def _summed(rows, key, **kept):
    """The `n` of `rows` summed by `key`, of the rows that have the `kept`
    values only (a value of None or "" keeps every row)."""
    totals = Counter()
    for row in rows:
        if all(value in (None, "") or row[name] == value for name, value in kept.items()):
            totals[row[key]] += row["n"]
    return [{key: value, "n": n} for value, n in totals.items()]


def _party_sector_rows(filterset):
    """The rows of the parties with the most MoUs and of every sector, the
    other filters kept (see top_party_counts and sector_counts).

    With no filter set, the register's most read page, they come from
    MoURegisterCount: counted over every public MoU they took most of its
    time.
    """
    cleaned = filterset.form.cleaned_data
    if all(value in (None, "") for value in cleaned.values()):
        stored = MoURegisterCount.objects.annotate(n=F("mous"))
        parties = dict(stored.filter(facet=MoURegisterCount.Facet.PARTY).values_list("key", "n"))
        sectors = stored.filter(facet=MoURegisterCount.Facet.SECTOR).annotate(sector_id=F("key"))
        sectors = sectors.values("sector_id", "n").query.sql_with_params()
    else:
        parties = top_party_counts(_filtered_without(filterset, "party"), cleaned.get("party"))
        sectors = _sector_count_sql(_filtered_without(filterset, "sector"))
    return _party_rows(parties), _sector_rows(*sectors)


def top_party_counts(mous, selected=None):
    """The parties to `mous` with the most of them, and the `selected` one:
    {organisation pk: how many of `mous` it signed}.

    Ranked in SQL, the selected party first so that the LIMIT keeps it:
    two more parties than _top shows, one in case the selected party is
    among them, one to tell whether any is left out.
    """
    ranking = ["-n", "organisation"]
    if selected is not None:
        ranking.insert(0, Case(When(organisation=selected, then=0), default=1))
    rows = MoUParty.objects.filter(mou__in=mous).values("organisation").annotate(n=Count("*"))
    return dict(rows.order_by(*ranking).values_list("organisation", "n")[: TOP_PARTIES + 2])


def _party_rows(counts):
    """The slugs and names of the parties of `counts` ({pk: n}), with their `n`.

    In a query of their own: grouping with the names would join every party
    to its organisation, not just these few.
    """
    rows = Organisation.objects.filter(pk__in=counts).values(
        "pk", "slug", *name_columns("name"), "acronym"
    )
    return [{**row, "n": counts[row["pk"]]} for row in rows]


def _top(choices):
    """The first TOP_PARTIES of `choices`, and the selected one wherever it is."""
    top = TopChoices(c for i, c in enumerate(choices) if i < TOP_PARTIES or c.selected)
    top.more = len(top) < len(choices)
    return top


def _party_label(row, lang):
    name = label_of(row, "name", lang)
    acronym = row["acronym"]
    return f"{name} ({acronym})" if acronym and acronym != name else name


def _sector_rows(counted, params):
    """The sectors the SQL `counted` gives a (sector_id, n) row for: their
    slugs and names, with their `n`, in one query."""
    qn = connection.ops.quote_name
    columns = ["slug", *name_columns("name")]
    sql = f"""
        SELECT {", ".join(f"sector.{qn(column)}" for column in columns)}, counted.n
        FROM ({counted}) counted
        JOIN {qn(Sector._meta.db_table)} sector ON sector.id = counted.sector_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [dict(zip([*columns, "n"], row, strict=True)) for row in cursor.fetchall()]


def sector_counts(mous):
    """How many of `mous` each sector has (see MoUFilter): {sector pk: n}."""
    with connection.cursor() as cursor:
        cursor.execute(*_sector_count_sql(mous))
        return dict(cursor.fetchall())


def _sector_count_sql(mous):
    """The SQL and params of a (sector_id, n) row per sector with any of
    `mous` in it (see MoUFilter), `n` how many, in one grouped query.

    The (MoU, sector) pairs of both paths, the event's sectors and the
    parties', are joined straight from the link tables, and each sector
    counts its distinct MoUs, a pair found both ways once. Written in SQL
    because the ORM would reach an event's sectors through the events
    table, the largest the register would read.
    """
    qn = connection.ops.quote_name
    table = {
        model: qn(model._meta.db_table)
        for model in (MoUParty, Event.sectors.through, Organisation.sectors.through)
    }
    # The chosen MoUs with their event, so that the events' path need not
    # read the MoUs again; their columns named, as the ORM may order them
    # as it likes. COUNT(DISTINCT) over both paths costs less than a UNION
    # that removes the pairs found twice before counting.
    chosen, params = mous.order_by().values("pk", "event_id").query.sql_with_params()
    pk, event_id = qn("pk"), qn("event_id")
    sql = f"""
        WITH chosen AS ({chosen})
        SELECT sector_id, COUNT(DISTINCT mou_id) AS n FROM (
            SELECT chosen.{pk} AS mou_id, link.sector_id FROM chosen
            JOIN {table[Event.sectors.through]} link ON link.event_id = chosen.{event_id}
            UNION ALL
            SELECT party.mou_id, link.sector_id FROM {table[MoUParty]} party
            JOIN chosen ON chosen.{pk} = party.mou_id
            JOIN {table[Organisation.sectors.through]} link
                ON link.organisation_id = party.organisation_id
        ) pairs
        GROUP BY sector_id
    """
    return sql, params
