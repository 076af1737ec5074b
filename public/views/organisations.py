from django.shortcuts import render

from events.selectors import organisation_page
from orgs.selectors import organisation_listing


def organisation_list(request):
    listing = organisation_listing(params=request.GET)
    organisations = listing.page.object_list
    return render(
        request,
        "orgs/organisation_list.html",
        {
            "listing": listing,
            "organisations": organisations,
            "last_updated": max((o.updated_at for o in organisations), default=None),
        },
    )


def organisation_detail(request, slug):
    organisation = organisation_page(slug)
    return render(
        request,
        "orgs/organisation_detail.html",
        {"organisation": organisation, "last_updated": organisation.updated_at},
    )
