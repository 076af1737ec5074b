"""Reads the organisation directory and an organisation's page need."""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from events.models import Event, EventOrganiser, EventRole
from events.mou_selectors import public_mous, with_parties
from portal.listing import Listing, as_shown, grouped_facets, ignored_filters, paginate

from .filters import OrganisationFilter
from .models import Organisation, Person

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
    page, bad_page = paginate(
        queryset, params, page_size, _("There is no such page of organisations.")
    )
    facets = grouped_facets(filterset, FACET_FIELDS, {"kind": Organisation.Kind})
    return Listing(filterset, page, facets, ignored_filters(filterset) + bad_page)


# For each facet: the field its value comes from, and the translated name columns.
FACET_FIELDS = {
    "kind": ("kind", None),
    "country": ("country__code", "country__name"),
    "region": ("region__slug", "region__name"),
    "sector": ("sectors__slug", "sectors__name"),
}


def organisation_page(slug):
    """An organisation with what its public page shows; 404 if there is none.

    Besides its own records: `public_event_links` (published events it
    organised or supported, with its role), `public_roles` (roles its people
    held at published events, by event), `public_mous` (its MoUs not signed at
    a draft event) and `public_people` (names and posts; contacts are private).
    """
    organisation = get_object_or_404(
        Organisation.objects.select_related(
            "country", "region", "region__parent", "parent"
        ).prefetch_related(
            "sectors",
            Prefetch("units", Organisation.objects.order_by(as_shown("name"), "pk")),
            Prefetch(
                "event_links",
                EventOrganiser.objects.filter(event__status=Event.Status.PUBLISHED)
                .select_related("event", "event__country", "event__region", "event__region__parent")
                .order_by(F("event__start_date").desc(nulls_first=True), "pk"),
                to_attr="public_event_links",
            ),
            Prefetch(
                "mous",
                public_mous().select_related("event").prefetch_related(with_parties()),
                to_attr="public_mous",
            ),
            # Names and posts only are shown: a person's email and phone are private.
            Prefetch(
                "people", Person.objects.order_by(as_shown("name"), "pk"), to_attr="public_people"
            ),
        ),
        slug=slug,
    )
    # EventRole.organisation has no reverse accessor to prefetch through.
    organisation.public_roles = list(
        EventRole.objects.filter(organisation=organisation, event__status=Event.Status.PUBLISHED)
        .select_related("event", "person")
        .order_by(F("event__start_date").desc(nulls_first=True), "event", "order", "pk")
    )
    return organisation
