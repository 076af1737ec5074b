"""The organisers' side of B2B matchmaking: a meet's settings (on the event's
page), the meeting requests firms made, matches made by the organisers, the
scheduler's runs with their progress and what they could not place, and
pinning placed meetings (on the B2B meetings' list, backoffice.admin.events).

Requests are the participants': officials read them; publishers and
administrators (access.roles) match firms and run the scheduler, through
matchmaking.requests and matchmaking.tasks, within their scope.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from access import scope
from backoffice.dates import SolarHijriDates
from backoffice.scoped import in_scope_events
from backoffice.translated import PortalModelForm, shown_date
from events.models import Event
from matchmaking import notices, tasks
from matchmaking.models import MatchmakingSettings, MeetingRequest, Placement, SchedulerRun
from matchmaking.printouts import timetable
from matchmaking.reasons import Reason
from matchmaking.requests import organiser_match, taking_part
from participants.models import Registration
from participants.registrations import Refused
from portal import l10n, progress
from portal.reports import formats

MATCH = "matchmaking.add_meetingrequest"
RUN = "matchmaking.add_schedulerrun"


def meets(user):
    """The user's events that arrange B2B meetings on the portal."""
    return scope.limit(Event.objects.filter(matchmaking_settings__isnull=False), user)


def _time(text):
    return datetime.datetime.strptime(text, "%H:%M").time()


class MatchmakingSettingsForm(PortalModelForm):
    def clean_breaks(self):
        breaks = self.cleaned_data["breaks"] or []
        try:
            if not isinstance(breaks, list):
                raise ValueError
            for start, end in breaks:
                if _time(start) >= _time(end):
                    raise ValueError
        except (TypeError, ValueError):
            raise ValidationError(
                _(
                    "Write each break as a pair of times, HH:MM, the end after the start, "
                    "e.g. [[“13:00”, “14:00”]]."
                ),
                code="breaks",
            ) from None
        return breaks


class MatchmakingSettingsInline(SolarHijriDates, admin.StackedInline):
    model = MatchmakingSettings
    form = MatchmakingSettingsForm
    fields = (
        ("day_starts", "day_ends"),
        "breaks",
        ("slot_minutes", "tables"),
        "reserved_tables",
        ("max_meetings", "max_open_requests"),
        ("who_requests", "mode"),
        ("requests_open", "requests_close"),
    )
    extra = 0
    max_num = 1
    # Requests and meetings hang off the meet, not these settings: changed, never removed.
    can_delete = False


class EventScopedAdmin(SolarHijriDates, admin.ModelAdmin):
    """Records of a meet, seen by the officials of the meet's scope."""

    def get_queryset(self, request):
        return in_scope_events(super().get_queryset(request), request.user)

    def get_object(self, request, object_id, from_field=None):
        # The pages of its own (a run's, a meet's) are reached without the
        # admin's checks: the permission is checked here. Someone else's
        # record, or none: a guessed address gets a 404 either way.
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.get_queryset(request), pk=unquote(object_id))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def meet(self, request, event_id):
        """The meet of the URL, if the user's scope holds it and it arranges B2B meetings."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(meets(request.user), pk=event_id)

    def page(self, request, template, title, **context):
        return TemplateResponse(
            request,
            f"admin/matchmaking/{template}.html",
            {**self.admin_site.each_context(request), "title": title, "opts": self.opts, **context},
        )


class MatchForm(forms.Form):
    buyer = forms.ModelChoiceField(label=_("buyer"), queryset=Registration.objects.none())
    seller = forms.ModelChoiceField(label=_("seller"), queryset=Registration.objects.none())
    priority = forms.TypedChoiceField(
        label=_("priority"),
        choices=MeetingRequest.Priority.choices,
        coerce=int,
        initial=MeetingRequest.Priority.MEDIUM,
    )

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        firms = taking_part(event).select_related("organisation").order_by("organisation__name")
        self.fields["buyer"].queryset = firms.filter(kind=Registration.Kind.BUYER)
        self.fields["seller"].queryset = firms.filter(kind=Registration.Kind.SELLER)
        for name in ("buyer", "seller"):
            self.fields[name].label_from_instance = lambda registration: registration.organisation


@admin.register(MeetingRequest)
class MeetingRequestAdmin(EventScopedAdmin):
    list_display = (
        "requester_firm",
        "recipient_firm",
        "event",
        "status",
        "priority",
        "by_organiser",
        "meeting_time",
        "meeting_table",
    )
    list_filter = (
        ("event", admin.RelatedOnlyFieldListFilter),
        "status",
        "priority",
        "by_organiser",
    )
    list_select_related = (
        "event",
        "requester__organisation",
        "recipient__organisation",
        "placement__meeting",
    )
    fields = (
        "event",
        ("requester", "recipient"),
        "message",
        ("priority", "status", "by_organiser"),
        "decline_reason",
        ("created_at", "answered_at"),
    )

    @admin.display(description=_("requested by"), ordering="requester__organisation__name")
    def requester_firm(self, meeting_request):
        return meeting_request.requester.organisation

    @admin.display(description=_("requested of"), ordering="recipient__organisation__name")
    def recipient_firm(self, meeting_request):
        return meeting_request.recipient.organisation

    @staticmethod
    def _meeting(meeting_request):
        placement = getattr(meeting_request, "placement", None)
        return placement and placement.meeting

    @admin.display(description=_("meeting at"))
    def meeting_time(self, meeting_request):
        meeting = self._meeting(meeting_request)
        return l10n.date_time(meeting.starts_at, get_language()) if meeting else "—"

    @admin.display(description=_("table"))
    def meeting_table(self, meeting_request):
        meeting = self._meeting(meeting_request)
        return meeting.table if meeting else "—"

    def get_urls(self):
        return [
            path(
                "match/<int:event_id>/",
                self.admin_site.admin_view(self.match_view),
                name="matchmaking_meetingrequest_match",
            ),
            *super().get_urls(),
        ]

    def match_view(self, request, event_id):
        """Match a buyer and a seller of the meet: an accepted request, through the rules."""
        if not request.user.has_perm(MATCH):
            raise PermissionDenied
        event = self.meet(request, event_id)
        form = MatchForm(event, request.POST if request.method == "POST" else None)
        if form.is_valid():
            buyer, seller = form.cleaned_data["buyer"], form.cleaned_data["seller"]
            try:
                organiser_match(buyer, seller, form.cleaned_data["priority"])
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                self.message_user(
                    request,
                    _("%(buyer)s and %(seller)s are matched.")
                    % {"buyer": buyer.organisation, "seller": seller.organisation},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(request.path)
        return self.page(request, "match", _("Match a buyer and a seller"), event=event, form=form)


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("time limit (seconds)"), initial=30, min_value=5, max_value=600
    )


@admin.register(SchedulerRun)
class SchedulerRunAdmin(EventScopedAdmin):
    list_display = (
        "event",
        shown_date(SchedulerRun, "created_at"),
        "status",
        "requests",
        "placed",
    )
    list_filter = (("event", admin.RelatedOnlyFieldListFilter), "status")
    list_select_related = ("event",)
    change_list_template = "admin/matchmaking/schedulerrun/change_list.html"

    def get_urls(self):
        return [
            path(
                "schedule/<int:event_id>/",
                self.admin_site.admin_view(self.schedule_view),
                name="matchmaking_schedulerrun_schedule",
            ),
            path(
                "schedule/<int:event_id>/timetable.pdf",
                self.admin_site.admin_view(self.timetable_view),
                name="matchmaking_schedulerrun_timetable",
            ),
            path(
                "<path:object_id>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="matchmaking_schedulerrun_progress",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        latest = meets(request.user).order_by("-start_date")[:50]
        context = {**(extra_context or {}), "meets": latest}
        return super().changelist_view(request, context)

    def schedule_view(self, request, event_id):
        """A meet's runs, and (publishers, administrators) a new run of the scheduler."""
        event = self.meet(request, event_id)
        may_run = request.user.has_perm(RUN)
        form = RunForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not may_run:
                raise PermissionDenied
            if "notify" in request.POST:
                told = notices.notify(event)
                messages.success(
                    request, _("Meetings told to both their firms: %(n)s") % {"n": told}
                )
                return HttpResponseRedirect(request.path)
            if form.is_valid():
                run = SchedulerRun.objects.create(
                    event=event, time_limit=form.cleaned_data["time_limit"]
                )
                # The worker must find the run written: enqueued once it is.
                transaction.on_commit(lambda: tasks.run_scheduler.delay(run.pk))
                return HttpResponseRedirect(
                    reverse("admin:matchmaking_schedulerrun_change", args=[run.pk])
                )
        return self.page(
            request,
            "schedule",
            _("Schedule B2B meetings"),
            event=event,
            form=form,
            may_run=may_run,
            may_match=request.user.has_perm(MATCH),
            runs=event.scheduler_runs.all()[:20],
            tables=range(1, event.matchmaking_settings.tables + 1)
            if hasattr(event, "matchmaking_settings")
            else (),
        )

    def timetable_view(self, request, event_id):
        """The meet's timetable to print, or a table's sheet (?table=N), in the page's language."""
        event = self.meet(request, event_id)
        table = request.GET.get("table", "")
        sheet = timetable(event, get_language(), table=table if table.isdigit() else None)
        return formats.response(sheet, "pdf")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = self.get_object(request, object_id)
        return self.page(
            request,
            "run",
            _("Scheduler run"),
            run=run,
            progress=self._progress(run),
            gap=self._gap(run),
            unplaced=self._unplaced(run),
        )

    def progress_view(self, request, object_id):
        run = self.get_object(request, object_id)
        return JsonResponse(
            {
                "status": run.status,
                "status_label": run.get_status_display(),
                "finished": run.status in (run.Status.DONE, run.Status.FAILED),
                "progress": self._progress(run),
            }
        )

    @staticmethod
    def _progress(run):
        """The solver's latest report, its figures as the official's language writes
        them: the cache's while it runs, the run's own after."""
        report = progress.latest(run) if run.status == run.Status.RUNNING else run.progress
        lang = get_language()
        return {
            name: l10n.number(round(report[name]), lang) if name in report else "—"
            for name in ("objective", "bound", "seconds")
        }

    @staticmethod
    def _gap(run):
        """How far the weight placed may be from the best possible, in per cent."""
        if run.objective is None or not run.bound:
            return None
        return round(100 * (run.bound - run.objective) / run.bound, 1)

    @staticmethod
    def _unplaced(run):
        """(requester's firm, recipient's firm, reason in the official's language) of each."""
        found = MeetingRequest.objects.filter(pk__in=[int(pk) for pk in run.unplaced])
        found = found.select_related("requester__organisation", "recipient__organisation")
        return [
            (
                r.requester.organisation,
                r.recipient.organisation,
                Reason(run.unplaced[str(r.pk)]).label,
            )
            for r in found.order_by("pk")
        ]


# Pinning, offered on the B2B meetings' list (backoffice.admin.events): a
# pinned meeting keeps its time and table when the scheduler runs again.


def _pin(modeladmin, request, meetings, pinned, message):
    count = Placement.objects.filter(meeting__in=meetings).update(pinned=pinned)
    modeladmin.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.action(description=_("Pin the selected meetings"), permissions=["change"])
def pin_selected(modeladmin, request, queryset):
    _pin(
        modeladmin,
        request,
        queryset,
        True,
        _("Meetings pinned: %(count)s (only meetings the scheduler placed can be pinned)."),
    )


@admin.action(description=_("Unpin the selected meetings"), permissions=["change"])
def unpin_selected(modeladmin, request, queryset):
    _pin(modeladmin, request, queryset, False, _("Meetings unpinned: %(count)s."))


@admin.display(description=_("pinned"), boolean=True)
def pinned(meeting):
    placement = getattr(meeting, "placement", None)
    return bool(placement and placement.pinned)
