"""Reads the public MoU register needs: the public MoUs, filtered and
paginated, with their parties and the facets (counted as any list's,
portal.listing; stored for the unfiltered register, events.list_counts)."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from portal.listing import list_page

from .list_counts import MOU_REGISTER
from .models import MoU, MoUParty

PAGE_SIZE = 20


def public_mous():
    """MoUs the public may see: all but those signed at an event still in draft."""
    return MoU.objects.public()


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
    filterset = MOU_REGISTER.filterset(params)
    rows = filterset.qs.select_related("event").prefetch_related(with_parties())
    return list_page(
        filterset,
        rows,
        params,
        page_size=page_size,
        not_found=_("There is no such page of MoUs."),
        counts=MOU_REGISTER.stored_counts(filterset),
    )
