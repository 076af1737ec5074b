"""iCalendar (RFC 5545) for published events: a feed of the list's filters, or one event.

Both are built by `_calendar`, so an event reads the same in a subscribed
feed and in the file downloaded from its page. Text is in the page's
language (modeltranslation falls back to another language when one is
missing).
"""

import datetime

import icalendar
from django.core.cache.backends.locmem import LocMemCache
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from events.filters import EventFilter
from events.models import Event
from portal.languages import columns

# A feed holds the first events the list would show, as many as the Atom
# feed: calendar clients load the whole file on every refresh, often over a
# phone connection, and a visitor who wants fewer, nearer ones filters.
FEED_LIMIT = 100
# Calendar apps and feed readers poll; a few minutes' delay after publishing is fine.
FEED_MAX_AGE = 5 * 60
PRODID = "-//MSME export events//Portal//EN"
# A cancelled event stays in the feed, so that calendars holding it strike it
# out; a postponed one is tentative until its new dates are given.
ICS_STATUS = {Event.Schedule.CANCELLED: "CANCELLED", Event.Schedule.POSTPONED: "TENTATIVE"}
# Written entries, kept in each process's memory for the feed's max-age,
# apart from the page cache (a local-memory one holds 300 entries) so that
# a feed's hundred entries in each language never push cached pages out.
ENTRIES = LocMemCache(
    "calendar-entries", {"TIMEOUT": FEED_MAX_AGE, "OPTIONS": {"MAX_ENTRIES": 5000}}
)
# What an entry reads of an event (its texts in every language, to fall
# back as the pages do) and what its key needs; not its search text,
# contacts and figures, a feed's hundred rows over again.
ENTRY_COLUMNS = (
    *("slug", "version", "updated_at", "start_date", "end_date", "kind", "schedule"),
    *("region", "country"),
    *(column for field in ("title", "description", "venue", "city") for column in columns(field)),
)


def event_location(event):
    """Venue, city, district, state and country, each named once."""
    region = event.region
    parts = [
        event.venue,
        event.city,
        region and region.name,
        region and region.parent and region.parent.name,
        event.country.name,
    ]
    return ", ".join(dict.fromkeys(part for part in parts if part))


def event_categories(event):
    """The event's kind and its schemes (by acronym, which is how people say them)."""
    schemes = [scheme.acronym or scheme.name for scheme in event.schemes.all()]
    # Named as get_kind_display() would (the value itself if it is no kind),
    # which makes every choice hashable anew on each call: the dearest part
    # of a feed's categories.
    return [str(dict(Event.Kind.choices).get(event.kind, event.kind)), *schemes]


def _vevent(event, request):
    url = request.build_absolute_uri(event.get_absolute_url())
    host, _port = split_domain_port(request.get_host())
    updated = event.updated_at.astimezone(datetime.UTC)
    last_day = event.end_date or event.start_date
    # Each value made in the type add() would pick for it (dates as
    # VALUE=DATE, times in UTC): add() works the type out anew for every
    # property of every event, a tenth of a feed's time.
    vevent = icalendar.Event()
    # The primary key, not the slug or title: a calendar keeps one entry per
    # event however its text is edited.
    vevent["UID"] = icalendar.vText(f"event-{event.pk}@{host}")
    vevent["DTSTAMP"] = icalendar.vDDDTypes(updated)
    vevent["LAST-MODIFIED"] = icalendar.vDDDTypes(updated)
    # All-day entries: DTEND is the day after the last day (RFC 5545 3.6.1).
    vevent["DTSTART"] = icalendar.vDDDTypes(event.start_date)
    vevent["DTEND"] = icalendar.vDDDTypes(last_day + datetime.timedelta(days=1))
    vevent["SUMMARY"] = icalendar.vText(event.title)
    # Many calendar apps show no URL property, so the link ends the description too.
    description = strip_tags(event.description)  # calendars show plain text
    vevent["DESCRIPTION"] = icalendar.vText(
        "\n\n".join(text for text in (description, url) if text)
    )
    vevent["LOCATION"] = icalendar.vText(event_location(event))
    vevent["CATEGORIES"] = icalendar.vCategory(event_categories(event))
    vevent["URL"] = icalendar.vUri(url)
    vevent["STATUS"] = icalendar.vText(ICS_STATUS.get(event.schedule, "CONFIRMED"))
    # Each save of the event raises its version: a calendar that holds the
    # entry takes a higher SEQUENCE as a change to it (RFC 5545 3.8.7.4).
    vevent["SEQUENCE"] = icalendar.vInt(event.version)
    return vevent


def _entry_key(event, request):
    """Where an event's entry is kept: it changes with each save of the event
    (its version and time), and is written for the page's language and host."""
    stamp = event.updated_at.timestamp()
    origin = f"{request.scheme}://{request.get_host()}"
    return f"ics:{event.pk}:{event.version}:{stamp}:{get_language()}:{origin}"


def _entries(events, request):
    """Each event's VEVENT, written, or as kept since.

    Writing an entry is most of a feed's time (icalendar's values and line
    folding), and a feed lists the same events refresh after refresh. An
    entry is kept for the feed's own max-age: an edit to the event shows
    at once (its key changes), a renamed region or scheme within the time
    the feed's Cache-Control already lets a calendar keep it.
    """
    keys = [_entry_key(event, request) for event in events]
    kept = ENTRIES.get_many(keys)
    written = {
        key: _vevent(event, request).to_ical()
        for key, event in zip(keys, events, strict=True)
        if key not in kept
    }
    ENTRIES.set_many(written)
    return [kept.get(key) or written[key] for key in keys]


def _calendar(events, request, name=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        # The name a subscribed calendar is listed under (Apple, Google, Outlook).
        calendar.add("x-wr-calname", name)
    # The entries go where icalendar writes its components, before the end.
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    body = b"".join([head, *_entries(list(events), request), b"END:VCALENDAR", end])
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@cache_control(public=True, max_age=FEED_MAX_AGE)
def calendar_feed(request):
    """The events the list shows for the same query, dates to be announced left out."""
    events = (
        EventFilter(request.GET, queryset=Event.objects.published())
        .qs.filter(start_date__isnull=False)
        .for_listing()
        .only(*ENTRY_COLUMNS)[:FEED_LIMIT]
    )
    return _calendar(events, request, name=_("Export-promotion events"))


def event_ics(request, slug):
    event = get_object_or_404(
        Event.objects.published().for_listing().only(*ENTRY_COLUMNS), slug=slug
    )
    if not event.start_date:
        raise Http404(_("The dates of this event are still to be announced."))
    response = _calendar([event], request)
    response["Content-Disposition"] = f"attachment; filename={event.slug}.ics"
    return response
