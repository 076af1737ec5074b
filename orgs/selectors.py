"""Reads the organisation directory needs."""

from django.utils.translation import gettext as _

from portal.filtering import ignored_filters
from portal.listing import Listing, as_shown, facet_counts, grouped_facets
from portal.paging import paginate

from .filters import OrganisationFilter
from .models import Organisation

PAGE_SIZE = 20


def organisation_listing(*, params, page_size=PAGE_SIZE):
    """The organisations `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404.
    """
    filterset = OrganisationFilter(params, queryset=Organisation.objects.all())
    queryset = (
        filterset.qs.select_related("country", "region", "region__parent")
        .prefetch_related("sectors")
        .order_by(as_shown("name"), "pk")
    )
    # The directory's count comes with the facets', in the same statement.
    count, counts = facet_counts(filterset, FACET_FIELDS)
    page, bad_page = paginate(
        queryset, params, page_size, _("There is no such page of organisations."), count
    )
    facets = grouped_facets(filterset, FACET_FIELDS, {"kind": Organisation.Kind}, counts=counts)
    return Listing(filterset, page, facets, ignored_filters(filterset) + bad_page)


# For each facet: the field its value comes from, and the translated name columns.
FACET_FIELDS = {
    "kind": ("kind", None),
    "country": ("country__code", "country__name"),
    "region": ("region__slug", "region__name"),
    "sector": ("sectors__slug", "sectors__name"),
}
