"""What every public list page does with its listing (templates/_list_page.html)."""

from django.shortcuts import render
from django.urls import reverse


def list_page(request, listing, template, url_name):
    """The page of a listing (portal.listing.list_page): its rows, and when the latest changed."""
    rows = listing.page.object_list
    return render(
        request,
        template,
        {
            "listing": listing,
            "rows": rows,
            "list_url": reverse(url_name),
            "last_updated": max((row.updated_at for row in rows), default=None),
        },
    )
