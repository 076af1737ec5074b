from django.shortcuts import render

from events.series_selectors import figure_labels, series_page


def series_detail(request, slug):
    """A series' page: what it is, and its published editions side by side."""
    series = series_page(slug)
    return render(
        request,
        "events/series_detail.html",
        {
            "series": series,
            "editions": series.published,
            "figure_labels": figure_labels(),
            "last_updated": max(edition.updated_at for edition in series.published),
        },
    )
