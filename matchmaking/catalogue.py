"""A meet's catalogue of firms, for those approved to take part in it, and
the matches suggested to each.

A buyer's HS codes are what it seeks, a seller's what it offers; a heading
matches a heading, and a chapter every heading in it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from participants.models import Registration

from .requests import taking_part

SUGGESTED = 10


def catalogue(event, viewer, kind="", country="", sector="", hs="", market="", language=""):
    """The other firms approved for the meet, with their profiles, filtered
    by the values of CatalogueFilters (matchmaking.forms)."""
    rows = (
        taking_part(event)
        .exclude(pk=viewer.pk)
        .select_related("organisation__country")
        .prefetch_related(
            "organisation__sectors", "organisation__hs_codes", "organisation__target_markets"
        )
        .order_by("organisation__name", "pk")
    )
    if kind:
        rows = rows.filter(kind=kind)
    if country:
        rows = rows.filter(organisation__country_id=country)
    if sector:
        rows = rows.filter(organisation__sectors__slug=sector)
    if hs:
        rows = rows.filter(organisation__hs_codes__code__startswith=hs)
    if market:
        rows = rows.filter(organisation__target_markets__code=market)
    rows = rows.distinct()
    if language:
        # In Python: SQLite has no containment lookup on JSON, and a meet's
        # catalogue is hundreds of firms, not millions.
        rows = [row for row in rows if language in row.organisation.languages]
    return rows


@dataclass
class Suggestion:
    registration: Registration
    score: int
    reasons: list = field(default_factory=list)


def _codes(organisation):
    return {hs.code for hs in organisation.hs_codes.all()}


def _hs_match(sought, offered):
    """The offered codes that answer a sought one (a chapter covers its headings)."""
    return sorted(
        code
        for code in offered
        if code in sought or code[:2] in sought or any(s[:2] == code for s in sought)
    )


def suggestions(event, viewer):
    """The firms of the other side the viewer would most likely want to meet,
    best first, each with the reasons in a line; at most SUGGESTED."""
    other = (
        Registration.Kind.SELLER
        if viewer.kind == Registration.Kind.BUYER
        else Registration.Kind.BUYER
    )
    me = viewer.organisation
    mine = _codes(me)
    my_sectors = {sector.pk for sector in me.sectors.all()}
    my_markets = {country.code for country in me.target_markets.all()}
    found = []
    for row in catalogue(event, viewer, kind=other):
        firm = row.organisation
        theirs = _codes(firm)
        if viewer.kind == Registration.Kind.BUYER:
            products = _hs_match(mine, theirs)
            market = me.country_id in {c.code for c in firm.target_markets.all()}
        else:
            products = _hs_match(theirs, mine)
            market = firm.country_id in my_markets
        sectors = my_sectors & {sector.pk for sector in firm.sectors.all()}
        suggestion = Suggestion(row, 3 * len(products) + 2 * market + len(sectors))
        if products:
            suggestion.reasons.append(
                _("HS codes in common: %(codes)s") % {"codes": ", ".join(products)}
            )
        if market:
            suggestion.reasons.append(_("Its target markets include the buyer's country"))
        if sectors:
            suggestion.reasons.append(_("A sector in common"))
        if suggestion.score:
            found.append(suggestion)
    found.sort(key=lambda s: (-s.score, s.registration.organisation.name))
    return found[:SUGGESTED]
