"""Atom feeds of published events: of the public list, taking its filters,
and of a series' editions."""

import re

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control

from events.filters import EventFilter
from events.models import Event, EventSeries
from portal.templatetags.localise import event_dates
from public.calendar import FEED_MAX_AGE, event_categories, event_location

# Feed readers keep the entries they have seen: the first page or so of the list will do.
FEED_LIMIT = 100


# Characters XML 1.0 cannot carry (C0 controls but tab and line breaks,
# U+FFFE, U+FFFF). Text pasted into the back-office can hold them, e.g. the
# vertical tab a word processor puts for a manual line break; Django's feed
# writer refuses them (a server error) or, in attributes, writes XML no
# reader accepts.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text):
    return NOT_XML.sub("", text)


def _with_query(url, params):
    return f"{url}?{params.urlencode()}" if params else url


@method_decorator(cache_control(public=True, max_age=FEED_MAX_AGE), name="__call__")
class EventFeed(Feed):
    """One feed per query: `?scheme=ramp&region=maharashtra` follows those events.

    The object the feed is built for is the query itself, so that links to
    the list and to the feed keep it.
    """

    feed_type = Atom1Feed
    title = _("Export-promotion events")
    subtitle = _(
        "Buyer-seller meets, export workshops and conferences for micro, small and medium "
        "enterprises."
    )
    author_name = _("MSME export events")

    def get_object(self, request):
        return request.GET

    def link(self, params):
        return _with_query(reverse("events:list"), params)

    def feed_url(self, params):
        return _with_query(reverse("events:feed"), params)

    def items(self, params):
        return EventFilter(params, queryset=Event.objects.published()).qs.for_listing()[:FEED_LIMIT]

    def item_title(self, event):
        if event.schedule == Event.Schedule.SCHEDULED:
            return xml_text(event.title)
        # "Cancelled: International Buyer-Seller Meet, Pune", in the feed's language.
        return xml_text(
            _("%(status)s: %(title)s")
            % {"status": event.get_schedule_display(), "title": event.title}
        )

    def item_description(self, event):
        # HTML (Atom's type="html"); the dates in the language's digits and calendar.
        return xml_text(
            format_html(
                "<p>{} · {}</p>{}",
                event_dates(event),
                event_location(event),
                linebreaks_filter(event.description, autoescape=True),
            )
        )

    def item_categories(self, event):
        return [xml_text(category) for category in event_categories(event)]

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at


class SeriesFeed(EventFeed):
    """A series' editions, the latest first: the list feed's entries, the series' name and page."""

    def get_object(self, request, slug):
        series = EventSeries.objects.filter(slug=slug).first()
        # As its page: a series with no published edition is not there.
        if series is None or not series.editions.published().exists():
            raise Http404("No such series.")
        return series

    def title(self, series):
        return xml_text(series.name)

    def subtitle(self, series):
        return xml_text(series.description) or None

    def link(self, series):
        return series.get_absolute_url()

    def feed_url(self, series):
        return reverse("events:series_feed", kwargs={"slug": series.slug})

    def items(self, series):
        return (
            Event.objects.published()
            .filter(series=series)
            .for_listing()
            .order_by("-edition")[:FEED_LIMIT]
        )
