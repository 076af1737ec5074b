import json

from django.db.models import Count, F, Max, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from .filters import EventFilter
from .models import B2BMeeting, Event, EventOrganiser, EventRole, MoU, MoUParty, Session
from .selectors import event_listing

HOME_UPCOMING = 6


def home(request):
    published = Event.objects.published()
    upcoming = (
        published.upcoming()
        .for_listing()
        .order_by(F("start_date").asc(nulls_last=True), "pk")[:HOME_UPCOMING]
    )
    totals = published.past().aggregate(
        events=Count("pk"),
        msmes=Sum("msmes"),
        foreign_buyers=Sum("foreign_buyers"),
        b2b_meetings=Sum("b2b_meetings"),
        mous=Sum("mous"),
        last_updated=Max("updated_at"),
    )
    return render(
        request,
        "events/home.html",
        {
            "upcoming": upcoming,
            "totals": totals,
            "search_form": EventFilter().form,
            "last_updated": totals["last_updated"],
        },
    )


def event_list(request):
    listing = event_listing(params=request.GET)
    return render(
        request,
        "events/event_list.html",
        {
            "listing": listing,
            "events": listing.page.object_list,
            "last_updated": max((e.updated_at for e in listing.page.object_list), default=None),
        },
    )


def event_detail(request, slug):
    roles = EventRole.objects.select_related("person", "organisation").order_by("order", "pk")
    event = get_object_or_404(
        Event.objects.published()
        .select_related("country", "region", "region__parent")
        .prefetch_related(
            "schemes",
            "sectors",
            "target_countries",
            Prefetch(
                "organiser_links",
                EventOrganiser.objects.select_related("organisation").order_by("order", "pk"),
            ),
            Prefetch(
                "sessions",
                Session.objects.prefetch_related(Prefetch("roles", roles)).order_by("order", "pk"),
            ),
            Prefetch("roles", roles.filter(session__isnull=True), to_attr="general_roles"),
            Prefetch(
                "agreements",
                MoU.objects.prefetch_related(
                    Prefetch("party_links", MoUParty.objects.select_related("organisation"))
                ),
            ),
        ),
        slug=slug,
    )
    today = timezone.localdate()
    deadline = event.registration_deadline or event.start_date
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "meetings": meeting_figures(event),
            "registration_closed": event.timing == "past" or bool(deadline and deadline < today),
            "event_json_ld": event_json_ld(request, event),
            "last_updated": event.updated_at,
        },
    )


def event_json_ld(request, event):
    """schema.org Event data, escaped for a <script> element."""
    attendance = {
        Event.Format.IN_PERSON: "OfflineEventAttendanceMode",
        Event.Format.ONLINE: "OnlineEventAttendanceMode",
        Event.Format.HYBRID: "MixedEventAttendanceMode",
    }[event.format]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventAttendanceMode": f"https://schema.org/{attendance}",
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": get_language(),
        "location": {
            "@type": "Place",
            "name": event.venue or event.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressRegion": str(event.region or ""),
                "addressCountry": event.country_id,
            },
        },
        "organizer": [
            {"@type": "Organization", "name": link.organisation.name}
            for link in event.organiser_links.all()
        ],
    }
    if event.start_date:
        data["startDate"] = event.start_date.isoformat()
        data["endDate"] = (event.end_date or event.start_date).isoformat()
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def meeting_figures(event):
    """B2B meeting figures computed from the meeting records, when there are any."""
    figures = B2BMeeting.objects.filter(event=event).aggregate(
        booked=Count("pk", filter=~Q(status=B2BMeeting.Status.CANCELLED)),
        held=Count("pk", filter=Q(status=B2BMeeting.Status.HELD)),
        buyers=Count("buyer", distinct=True),
        sellers=Count("seller", distinct=True),
        buyer_countries=Count("buyer__country", distinct=True),
        orders=Count(
            "pk",
            filter=Q(outcome__in=[B2BMeeting.Outcome.ORDER, B2BMeeting.Outcome.SAMPLE_ORDER]),
        ),
        mous=Count("pk", filter=Q(outcome=B2BMeeting.Outcome.MOU)),
    )
    return figures if figures["booked"] else None
