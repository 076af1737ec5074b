from django.shortcuts import render

from events.selectors import organisation_page
from orgs.selectors import organisation_listing

from .listing import list_page


def organisation_list(request):
    listing = organisation_listing(params=request.GET)
    return list_page(request, listing, "orgs/organisation_list.html", "orgs:list")


def organisation_detail(request, slug):
    organisation = organisation_page(slug)
    return render(
        request,
        "orgs/organisation_detail.html",
        {"organisation": organisation, "last_updated": organisation.updated_at},
    )
