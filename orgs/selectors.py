"""Reads the organisation directory needs."""

from django.utils.translation import gettext as _

from portal.listing import as_shown, list_page
from portal.text_search import words

from .filters import OrganisationFilter
from .models import HSCode, Organisation

PAGE_SIZE = 20
HS_MATCHES = 20


def listed():
    """The organisations public pages show: all but the firms participants
    entered that no official has verified yet."""
    return Organisation.objects.filter(verified=True)


def organisation_listing(*, params, page_size=PAGE_SIZE):
    """The organisations `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404.
    """
    filterset = OrganisationFilter(params, queryset=listed())
    rows = (
        filterset.qs.select_related("country", "region", "region__parent")
        .prefetch_related("sectors")
        .order_by(as_shown("name"), "pk")
    )
    return list_page(
        filterset,
        rows,
        params,
        page_size=page_size,
        not_found=_("There is no such page of organisations."),
    )


def hs_code_search(query, limit=HS_MATCHES):
    """The first `limit` HS chapters and headings that match every word of
    `query`, by code, and whether there are more.

    A word of digits (of any script, dots allowed: "0901.11") matches the
    codes that start with it, cut to a heading's four digits; any other word
    matches a name in any language (HSCode.search_text).
    """
    matches = HSCode.objects.all()
    terms = words(query)
    if not terms:
        return [], False
    for word in terms:
        digits = word.replace(".", "")
        if digits.isdigit():
            matches = matches.filter(code__startswith=digits[:4])
        else:
            matches = matches.filter(search_text__contains=word)
    found = list(matches.order_by("code")[: limit + 1])
    return found[:limit], len(found) > limit
