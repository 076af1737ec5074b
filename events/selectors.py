"""Reads the public pages need: the filtered, paginated event list and its facets."""

from django.utils.translation import gettext as _

from portal.listing import Listing, grouped_facets, ignored_filters, paginate

from .filters import EventFilter
from .list_counts import list_counts
from .models import Event

PAGE_SIZE = 20

# For each facet: the field its value comes from, and the translated name columns.
FACET_FIELDS = {
    "kind": ("kind", None),
    "scheme": ("schemes__slug", "schemes__name"),
    "sector": ("sectors__slug", "sectors__name"),
    "country": ("country__code", "country__name"),
    "region": ("region__slug", "region__name"),
    "target_country": ("target_countries__code", "target_countries__name"),
    "organiser": ("organisers__slug", "organisers__name"),
}

# Thousands of bodies organise events across the country: the organiser list
# offers the most active ones (the directory has every organisation).
FACET_LIMITS = {"organiser": 30}


def event_listing(*, params, page_size=PAGE_SIZE):
    """The published events `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404.
    """
    filterset = EventFilter(params, queryset=Event.objects.published())
    # The list's count comes with the facets', in the same statement, or
    # stored for the list as most visitors open it.
    count, counts = list_counts(filterset, FACET_FIELDS, FACET_LIMITS)
    page, bad_page = paginate(
        filterset.qs.for_listing(), params, page_size, _("There is no such page of events."), count
    )
    facets = grouped_facets(filterset, FACET_FIELDS, {"kind": Event.Kind}, counts)
    return Listing(filterset, page, facets, ignored_filters(filterset) + bad_page)
