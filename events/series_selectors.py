"""Reads the public pages need of an event series: its published editions in
edition order, each with every headline figure, for the series' page and the
comparison on each edition's page."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from portal.languages import columns

from .models import Event, EventSeries

# What the editions' table shows of each: its edition, title (linked by its
# slug), dates, city or else district, figures and last change; and its
# series, by which a prefetch hands it to its series. Only these columns are
# read: not each edition's description in every language.
EDITION_COLUMNS = (
    "slug",
    "series",
    "edition",
    "start_date",
    "end_date",
    "updated_at",
    *columns("title"),
    *columns("city"),
    *columns("region__name"),
    *Event.FIGURES,
    *(f"{name}_qualifier" for name in Event.FIGURES),
)


def published_editions():
    """A series' published editions, first to last: for prefetch_related or .filter(series=)."""
    return (
        Event.objects.published()
        .select_related("region")
        .only(*EDITION_COLUMNS)
        .order_by("edition")
    )


def series_editions(series):
    """The published editions of `series`, each with its `figure_values`: one query."""
    return with_figure_values(published_editions().filter(series=series))


def with_figure_values(editions):
    """The editions, each with `figure_values`: (value, qualifier) of every headline
    figure in Event.FIGURES order, the value None when the report gives none, so
    that their table has a cell under every figure."""
    editions = list(editions)
    for edition in editions:
        edition.figure_values = [
            (getattr(edition, name), getattr(edition, f"{name}_qualifier"))
            for name in Event.FIGURES
        ]
    return editions


def figure_labels():
    """The headline figures' names, in Event.FIGURES order: the table's column heads."""
    return [Event._meta.get_field(name).verbose_name for name in Event.FIGURES]


def series_page(slug):
    """A series with its published editions (`published`); 404 if it has none."""
    series = get_object_or_404(
        EventSeries.objects.prefetch_related(
            Prefetch("editions", published_editions(), to_attr="published")
        ),
        slug=slug,
    )
    if not series.published:
        raise Http404("A series with no published edition has no page.")
    series.published = with_figure_values(series.published)
    return series
