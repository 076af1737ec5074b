"""An event as schema.org data (JSON-LD), for search engines and other readers.

Its text is what the page shows, in the language it is in: a Persian page
showing an English title for want of a Persian one says `inLanguage: "en"`.
"""

import json

from django.utils.html import strip_tags

from events.models import Event
from portal.templatetags.localise import shown

SCHEMA = "https://schema.org/"

EVENT_STATUS = {
    Event.Schedule.SCHEDULED: "EventScheduled",
    Event.Schedule.POSTPONED: "EventPostponed",
    Event.Schedule.RESCHEDULED: "EventRescheduled",
    Event.Schedule.CANCELLED: "EventCancelled",
    Event.Schedule.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


def event_json_ld(request, event):
    """The event's schema.org data, escaped for a <script> element."""
    title, description = shown(event, "title"), shown(event, "description")
    page = request.build_absolute_uri(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title.text,
        "inLanguage": title.lang,
        "url": page,
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance],
    }
    # The data is in one language (inLanguage): a description written only in
    # another is left out. Plain text: descriptions may carry rich_text's tags.
    if description.text and description.lang == title.lang:
        data["description"] = strip_tags(description.text)
    # Dates to be announced: no status says so, and "scheduled" would not be true.
    if event.start_date or event.schedule != Event.Schedule.SCHEDULED:
        data["eventStatus"] = SCHEMA + EVENT_STATUS[event.schedule]
    if event.start_date:
        data["startDate"] = event.start_date.isoformat()
        data["endDate"] = (event.end_date or event.start_date).isoformat()
    if event.previous_start_date:
        data["previousStartDate"] = event.previous_start_date.isoformat()
    data["location"] = _locations(event, page)
    organisers = [
        {
            "@type": "Organization",
            "name": link.organisation.name,
            "url": request.build_absolute_uri(link.organisation.get_absolute_url()),
        }
        for link in event.organiser_links.all()
    ]
    if organisers:
        data["organizer"] = organisers
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _locations(event, page):
    """A Place where one attends in person, a VirtualLocation where online; both for a hybrid."""
    locations = []
    if event.attendance != "online":
        region = event.region
        address = {
            "@type": "PostalAddress",
            "addressLocality": shown(event, "city").text,
            "addressRegion": str(region.parent if region and region.parent else region or ""),
            "addressCountry": event.country_id,
        }
        place = {"@type": "Place", "address": {k: v for k, v in address.items() if v}}
        name = shown(event, "venue").text or shown(event, "city").text
        if name:
            place["name"] = name
        locations.append(place)
    if event.attendance != "offline":
        # Where to join; until the organisers give a link, the event's own page.
        locations.append({"@type": "VirtualLocation", "url": event.online_url or page})
    return locations[0] if len(locations) == 1 else locations
