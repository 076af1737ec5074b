"""Reads the organisation directory needs."""

from django.utils.translation import gettext as _

from portal.listing import as_shown, list_page

from .filters import OrganisationFilter
from .models import Organisation

PAGE_SIZE = 20


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
