"""A meet's B2B pages for the firms approved to take part, under
/<lang>/account/meets/<slug>/b2b/: the catalogue with suggested matches,
requesting a meeting, and the requests made and received with their answers
(matchmaking.catalogue, matchmaking.requests).

Nobody sees another firm's requests; contact details appear to both sides
once a request is accepted.
"""

import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import segno
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Event
from matchmaking import booking, requests
from matchmaking import catalogue as firms
from matchmaking import follow_up as follow_ups
from matchmaking.agenda import (
    AGENDA_SALT,
    agenda_token,
    check_in_code,
    other_side,
    registration_id,
)
from matchmaking.agenda import agenda as firms_agenda
from matchmaking.forms import (
    AvailabilityForm,
    CatalogueFilters,
    DeclineForm,
    FollowUpForm,
    RequestForm,
    TimeZoneForm,
)
from matchmaking.models import Availability, MatchmakingSettings, MeetingRequest
from matchmaking.printouts import agenda_table
from matchmaking.slots import slots as meet_slots
from participants.models import Participant, Registration
from participants.registrations import Refused
from portal.reports import formats
from public.calendar import PRODID

from .firm import participant_page


def b2b_page(view):
    """A page of a meet that arranges B2B meetings, for a firm approved for it.

    The view gets the event, its settings and the viewer's registration;
    anyone else is told why, with a 403.
    """

    @functools.wraps(view)
    @participant_page
    def checked(request, slug, *args, **kwargs):
        event = get_object_or_404(Event.objects.published(), slug=slug)
        settings = get_object_or_404(MatchmakingSettings, event=event)
        viewer = requests.registration_of(request.user, event)
        if viewer is None:
            return render(request, "account/b2b/not_taking_part.html", {"event": event}, status=403)
        return view(request, event, settings, viewer, *args, **kwargs)

    return checked


@b2b_page
def catalogue(request, event, settings, viewer):
    everyone = firms.catalogue(event, viewer)
    filters = CatalogueFilters(request.GET or None, [row.organisation for row in everyone])
    chosen = filters.values()
    rows = firms.catalogue(event, viewer, **chosen) if chosen else everyone
    suggestions = [] if chosen else firms.suggestions(event, viewer)
    # Each firm its own request form, with field ids of its own (a firm may
    # be both suggested and listed).
    for where, shown in (("s", [s.registration for s in suggestions]), ("c", rows)):
        for row in shown:
            row.request_form = RequestForm(auto_id=f"id_%s_{where}{row.pk}")
    live = {
        pk
        for pair in MeetingRequest.objects.filter(
            Q(requester=viewer) | Q(recipient=viewer),
            status__in=[MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED],
        ).values_list("requester_id", "recipient_id")
        for pk in pair
    }
    return render(
        request,
        "account/b2b/catalogue.html",
        {
            "event": event,
            "settings": settings,
            "viewer": viewer,
            "filters": filters,
            "rows": rows,
            "suggestions": suggestions,
            "live": live,
            "may_request": {
                row.pk for row in everyone if requests.may_request(settings, viewer, row)
            },
        },
    )


@require_POST
@b2b_page
def request_meeting(request, event, settings, viewer, pk):
    recipient = get_object_or_404(Registration, pk=pk, event=event)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The request was not sent: check the priority and the message."))
        return redirect("meets:b2b", slug=event.slug)
    return act(
        request,
        event,
        lambda: requests.request_meeting(
            request.user,
            event,
            recipient,
            form.cleaned_data["message"],
            form.cleaned_data["priority"],
        ),
        _("Your request was sent."),
    )


@b2b_page
def meeting_requests(request, event, settings, viewer):
    mine = MeetingRequest.objects.filter(Q(requester=viewer) | Q(recipient=viewer)).select_related(
        "requester__organisation__country",
        "recipient__organisation__country",
        "requester__user",
        "recipient__user",
        "placement__meeting",
    )
    if settings.mode == MatchmakingSettings.Mode.SELF_BOOKING:
        occupied = booking.occupancy(event)
        for item in mine:
            if item.status == MeetingRequest.Status.ACCEPTED and not hasattr(item, "placement"):
                item.bookable = True
                item.free_slots = booking.free_slots(settings, item, occupied)
    received = [r for r in mine if r.recipient_id == viewer.pk]
    for item in received:
        # Each its own form: the field ids differ from one request to the next.
        item.decline_form = DeclineForm(auto_id=f"id_%s_{item.pk}")
    return render(
        request,
        "account/b2b/requests.html",
        {
            "event": event,
            "viewer": viewer,
            "received": received,
            "made": [r for r in mine if r.requester_id == viewer.pk],
        },
    )


def received_or_made(event, viewer, pk):
    """A request of the viewer's firm at this meet; any other is a 404."""
    return get_object_or_404(
        MeetingRequest.objects.filter(Q(requester=viewer) | Q(recipient=viewer)),
        pk=pk,
        event=event,
    )


@require_POST
@b2b_page
def answer(request, event, settings, viewer, pk):
    meeting_request = received_or_made(event, viewer, pk)
    accept = "accept" in request.POST
    reason = request.POST.get("reason", "")
    return act(
        request,
        event,
        lambda: requests.answer(request.user, meeting_request, accept, reason),
        _("You accepted the request.") if accept else _("You declined the request."),
        "meets:b2b-requests",
    )


@require_POST
@b2b_page
def withdraw(request, event, settings, viewer, pk):
    meeting_request = received_or_made(event, viewer, pk)
    return act(
        request,
        event,
        lambda: requests.withdraw(request.user, meeting_request),
        _("Your request was withdrawn."),
        "meets:b2b-requests",
    )


def act(request, event, change, done, then="meets:b2b"):
    try:
        change()
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect(then, slug=event.slug)


@b2b_page
def agenda(request, event, settings, viewer):
    participant = request.user.participant
    own_zone = zone(participant.time_zone)
    rows = []
    for placement in firms_agenda(viewer):
        meeting = placement.meeting
        rows.append(
            {
                "meeting": meeting,
                "other": other_side(placement, viewer),
                # Naive, in the participant's zone: shown as it is.
                "own_time": meeting.starts_at.astimezone(own_zone).replace(tzinfo=None)
                if own_zone
                else None,
            }
        )
    code = check_in_code(viewer)
    return render(
        request,
        "account/b2b/agenda.html",
        {
            "event": event,
            "viewer": viewer,
            "rows": rows,
            "own_zone": participant.time_zone if own_zone else "",
            "zone_form": TimeZoneForm(instance=participant),
            "calendar_url": request.build_absolute_uri(
                reverse("b2b-agenda-ics", args=[agenda_token(viewer)])
            ),
            "check_in_code": code,
            "qr_svg": segno.make(code, error="m").svg_inline(scale=4, title=_("Check-in code")),
        },
    )


def zone(name):
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


@require_POST
@b2b_page
def time_zone(request, event, settings, viewer):
    form = TimeZoneForm(request.POST, instance=request.user.participant)
    if form.is_valid():
        form.save()
    else:
        messages.error(request, _("Choose a time zone from the list."))
    return redirect("meets:b2b-agenda", slug=event.slug)


def agenda_ics(request, token):
    """The firm's meetings as a calendar to subscribe to, by the signed address on its agenda."""
    registration = get_object_or_404(
        Registration.objects.select_related("event"),
        pk=registration_id(token, AGENDA_SALT) or 0,
        status=Registration.Status.APPROVED,
    )
    participant = Participant.objects.filter(user_id=registration.user_id).first()
    with translation.override(participant.language if participant else None):
        calendar = agenda_calendar(request, registration)
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def agenda_calendar(request, registration):
    """The firm's meetings as an iCalendar, in the active language."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("B2B meetings: %(event)s") % {"event": registration.event.title})
    host = request.get_host().split(":")[0]
    for placement in firms_agenda(registration):
        meeting = placement.meeting
        other = other_side(placement, registration).organisation
        entry = icalendar.Event()
        entry.add("uid", f"b2b-meeting-{meeting.pk}@{host}")
        entry.add("dtstamp", meeting.updated_at)
        entry.add("dtstart", meeting.starts_at)
        entry.add("dtend", meeting.ends_at)
        entry.add("summary", _("B2B meeting: %(firm)s") % {"firm": other.name})
        entry.add(
            "location",
            _("Table %(table)s, %(event)s")
            % {"table": meeting.table, "event": registration.event.title},
        )
        calendar.add_component(entry)
    return calendar


def follow_up(request, token):
    """One side's word on a held meeting, by the signed link of its mail: no login."""
    found = follow_ups.read(token)
    if found is None:
        raise Http404
    placement, side, months = found
    form = FollowUpForm(request.POST or None)
    if form.is_valid():
        follow_ups.record(placement, side, months, **form.cleaned_data)
        messages.success(request, _("Thank you: your answer is recorded."))
        return redirect(request.path)
    return render(
        request,
        "account/b2b/follow_up.html",
        {"meeting": placement.meeting, "side": side, "form": form},
    )


@b2b_page
def availability(request, event, settings, viewer):
    """The slots the firm will be away for: the scheduler places no meeting in them."""
    kept, _created = Availability.objects.get_or_create(registration=viewer)
    form = AvailabilityForm(
        request.POST or None, initial={"away": kept.away}, slots=meet_slots(settings)
    )
    if form.is_valid():
        kept.away = form.cleaned_data["away"]
        kept.save()
        messages.success(request, _("Your availability is saved."))
        return redirect("meets:b2b-agenda", slug=event.slug)
    return render(request, "account/b2b/availability.html", {"event": event, "form": form})


@b2b_page
def agenda_pdf(request, event, settings, viewer):
    """The firm's agenda to print, in the page's language."""
    return formats.response(agenda_table(viewer, translation.get_language()), "pdf")


@require_POST
@b2b_page
def book_slot(request, event, settings, viewer, pk):
    meeting_request = received_or_made(event, viewer, pk)
    return act(
        request,
        event,
        lambda: booking.book(request.user, meeting_request, request.POST.get("slot", "")),
        _("The slot is booked; both firms have it on their agenda."),
        "meets:b2b-requests",
    )
