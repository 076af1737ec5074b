"""The sitemap: every public page in every language, with hreflang alternates.

`SITEMAPS` is the one list of sections served at /sitemap.xml. A new public
page with a fixed address goes in `PageSitemap.url_names`; a new kind of
public record with pages of its own gets a `PortalSitemap` subclass and an
entry in `SITEMAPS`. (MoUs have no page of their own: the register lists them.)
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse

from events.models import Event, EventSeries
from orgs.selectors import listed


class PortalSitemap(Sitemap):
    """One <url> per page and language, each listing the page in all languages.

    x-default is the address without a language prefix, which sends the
    visitor to their own language.
    """

    i18n = True
    alternates = True
    x_default = True


class PageSitemap(PortalSitemap):
    url_names = [
        "events:home",
        "events:list",
        "events:mous",
        "events:stats",
        "orgs:list",
        "pages:accessibility",
        "pages:contact",
    ]

    def items(self):
        return self.url_names

    def location(self, url_name):
        return reverse(url_name)


class EventSitemap(PortalSitemap):
    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class SeriesSitemap(PortalSitemap):
    """The series with a published edition: those with a page."""

    def items(self):
        published = Q(editions__status=Event.Status.PUBLISHED)
        return (
            EventSeries.objects.annotate(lastmod=Max("editions__updated_at", filter=published))
            .filter(lastmod__isnull=False)
            .only("slug")
            .order_by("pk")
        )

    def lastmod(self, series):
        # A series changes with its editions, whose dates and figures its page shows.
        return series.lastmod


class OrganisationSitemap(PortalSitemap):
    def items(self):
        return listed().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organisation):
        return organisation.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "events": EventSitemap,
    "series": SeriesSitemap,
    "organisations": OrganisationSitemap,
}
