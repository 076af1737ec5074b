"""The meet's desk on the day, a phone-sized back-office page: firms checked in
by their agenda's QR code (a scanner types it as a keyboard would) or its
code typed by hand; each meeting marked held or a no-show by its table's
host; the no-shows in sight, so that freed slots can be filled.

Staff of the event's scope only (access.scope), who may change B2B meetings.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from access.scope import limit
from events.models import B2BMeeting, Event
from matchmaking import day as meet_day
from matchmaking.models import CheckIn
from matchmaking.slots import meet_days
from participants.registrations import Refused


def desk(request, event_id):
    if not request.user.has_perm("events.change_b2bmeeting"):
        raise PermissionDenied
    event = get_object_or_404(limit(Event.objects.all(), request.user), pk=event_id)
    if request.method == "POST":
        try:
            if "code" in request.POST:
                registration, created = meet_day.check_in(event, request.POST["code"], request.user)
                message = (
                    _("%(firm)s is checked in.")
                    if created
                    else _("%(firm)s was checked in already.")
                )
                messages.success(request, message % {"firm": registration.organisation.name})
            elif "fill" in request.POST:
                meet_day.fill(event, request.POST.get("meeting"), request.POST.get("fill"))
                messages.success(request, _("The freed slot is given; both firms are told."))
            else:
                meet_day.mark(event, request.POST.get("meeting"), request.POST.get("status"))
        except Refused as refusal:
            messages.error(request, refusal.message)
        return redirect(request.get_full_path())
    day = desk_day(event, request.GET.get("day"))
    meetings = (
        B2BMeeting.objects.filter(event=event, starts_at__date=day)
        .select_related("buyer", "seller")
        .order_by("starts_at", "table")
    )
    no_shows = [meeting for meeting in meetings if meeting.status == B2BMeeting.Status.NO_SHOW]
    options = meet_day.fill_options(event, no_shows)
    arrived = set(
        CheckIn.objects.filter(registration__event=event).values_list(
            "registration__organisation_id", flat=True
        )
    )
    return render(
        request,
        "admin/b2b_desk.html",
        {
            "title": _("B2B desk"),
            "event": event,
            "day": day,
            "days": meet_days(event),
            "meetings": meetings,
            "arrived": arrived,
            "no_shows": [(meeting, options[meeting.pk]) for meeting in no_shows],
            "site_header": _("MSME export events: back-office"),
        },
    )


def desk_day(event, asked):
    """The day the desk shows: the one asked for, if it is one of the meet's;
    else today during the meet; else its first day."""
    days = meet_days(event) or [timezone.localdate()]
    chosen = next((day for day in days if day.isoformat() == asked), None)
    if chosen:
        return chosen
    today = timezone.localdate()
    return today if today in days else days[0]
