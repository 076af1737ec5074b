"""Reads the public MoU register needs: the public MoUs, filtered and paginated,
with their parties and the facet counts."""

from django.db.models import Count, OuterRef, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from orgs.models import Sector
from portal.l10n import digits
from portal.listing import (
    FacetChoice,
    Listing,
    SubqueryCount,
    by_count,
    filtered_without,
    ignored_filters,
    label_of,
    name_columns,
    paginate,
)

from .filters import MoUFilter, mou_sector_q
from .models import Event, MoU, MoUParty

PAGE_SIZE = 20


def public_mous():
    """MoUs the public may see: all but those signed at an event still in draft."""
    return MoU.objects.filter(Q(event__isnull=True) | Q(event__status=Event.Status.PUBLISHED))


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


def mou_facets(filterset):
    """How many MoUs each choice of each facet would give, the other filters kept.

    One query per facet, whatever the number of MoUs: grouped for year,
    party and status; for sector, one row per sector counting its MoUs by
    either path (see MoUFilter).
    """
    lang = get_language()
    params = filterset.data

    def others(facet):
        return filtered_without(filterset, facet)

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

    years = (
        others("year")
        .annotate(year=ExtractYear("signed_on"))
        .values("year")
        .annotate(n=Count("pk", distinct=True))
    )
    parties = (
        others("party")
        .values("parties__slug", *name_columns("parties__name"), "parties__acronym")
        .annotate(n=Count("pk", distinct=True))
    )
    statuses = others("status").values("status").annotate(n=Count("pk", distinct=True))
    in_sector = others("sector").filter(mou_sector_q(OuterRef("pk"))).values("pk").distinct()
    sectors = Sector.objects.annotate(n=SubqueryCount(in_sector)).values(
        "slug", *name_columns("name"), "n"
    )

    return {
        # Years newest first, as a register is read.
        "year": sorted(
            choices(years, "year", lambda row: digits(row["year"], lang), params.get("year")),
            key=lambda c: -int(c.value),
        ),
        "party": by_count(
            choices(
                parties,
                "parties__slug",
                lambda row: _partylabel_of(row, lang),
                params.get("party"),
            )
        ),
        "sector": by_count(
            choices(sectors, "slug", lambda row: label_of(row, "name", lang), params.get("sector"))
        ),
        "status": by_count(
            choices(
                statuses,
                "status",
                lambda row: MoU.Status(row["status"]).label,
                params.get("status"),
            )
        ),
    }


def _partylabel_of(row, lang):
    name = label_of(row, "parties__name", lang)
    acronym = row["parties__acronym"]
    return f"{name} ({acronym})" if acronym and acronym != name else name
