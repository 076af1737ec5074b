"""Firms' registrations for meets: how an event takes them (on the event's
page) and the organisers' answer to each (their own list).

A registration is changed only by deciding it, through
participants.registrations, which keeps the meet within its places and
mails the participant: the list's actions and the registration's page call
`decide` for each registration, and report each one it refuses. The change
permission is the right to decide (publishers and administrators,
access.roles); every official of the event's scope reads them.
"""

import os

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from backoffice.dates import SolarHijriDates
from backoffice.reports import EXPORT_ACTIONS
from backoffice.scoped import ScopedAdmin, in_scope_events
from backoffice.translated import (
    PortalModelForm,
    TranslatedModelForm,
    TranslatedTabularInline,
    shown_date,
    translated,
)
from participants.exporters import RegistrationsRegister, answer_shown
from participants.models import Registration, RegistrationQuestion, RegistrationSettings
from participants.registrations import Refused, decide
from portal import storage
from portal.languages import LANGUAGE_CODES, active_language

Status = Registration.Status
DECIDE = "participants.change_registration"


class RegistrationSettingsInline(SolarHijriDates, admin.StackedInline):
    model = RegistrationSettings
    form = PortalModelForm
    fields = (
        ("opens_at", "closes_at"),
        ("seller_places", "buyer_places", "visitor_places"),
        "approval_required",
        ("sellers_need_iec", "sellers_need_udyam"),
        "document_required",
        "offer_hours",
    )
    extra = 0
    max_num = 1
    # Registrations are decided against these settings: a meet stops taking
    # them at its closing time, which the organisers may bring forward.
    can_delete = False


class QuestionForm(TranslatedModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("asked of"),
        choices=Registration.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: all."),
    )

    def clean(self):
        cleaned = super().clean()
        own = f"{{}}_{active_language()}"
        if not any(cleaned.get(f"text_{lang}") for lang in LANGUAGE_CODES):
            self.add_error(own.format("text"), _("Write the question."))
        is_choice = cleaned.get("answer") == RegistrationQuestion.Answer.CHOICE
        if is_choice and not any(cleaned.get(f"choices_{lang}") for lang in LANGUAGE_CODES):
            self.add_error(own.format("choices"), _("List the choices, one per line."))
        return cleaned


class RegistrationQuestionInline(TranslatedTabularInline):
    model = RegistrationQuestion
    form = QuestionForm
    fields = ("position", "text", "answer", "choices", "required", "kinds")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    extra = 0


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, told to each participant"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60, "dir": "auto"}),
        error_messages={"required": _("Give the participant a reason for the rejection.")},
    )


DECIDED = {
    Status.APPROVED: lambda n: ngettext(
        "%(count)d registration approved.", "%(count)d registrations approved.", n
    ),
    Status.REJECTED: lambda n: ngettext(
        "%(count)d registration rejected.", "%(count)d registrations rejected.", n
    ),
}


COUNTED = {"status": Status, "kind": Registration.Kind}


def counts(registrations):
    """{"status": [(label, n)...], "kind": [...]} of `registrations`, in one query."""
    found = registrations.order_by().aggregate(
        **{
            f"{name}_{choice.value}": Count("pk", filter=Q(**{name: choice.value}))
            for name, choices in COUNTED.items()
            for choice in choices
        }
    )
    return {
        name: [(choice.label, found[f"{name}_{choice.value}"]) for choice in choices]
        for name, choices in COUNTED.items()
    }


@admin.register(Registration)
class RegistrationAdmin(ScopedAdmin):
    list_display = (
        "organisation",
        "event",
        "kind",
        "status",
        shown_date(Registration, "created_at"),
    )
    list_filter = (("event", admin.RelatedOnlyFieldListFilter), "status", "kind")
    list_select_related = ("organisation", "event")
    search_fields = translated("organisation__name")
    actions = ("approve_selected", "reject_selected", *EXPORT_ACTIONS)
    exporter = RegistrationsRegister
    readonly_fields = (
        "registered_on",
        "status_changed_on",
        "answers_shown",
        "firm_profile",
        "participant_email",
        "document_link",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "event",
                    "organisation",
                    ("kind", "status"),
                    "reason",
                    ("registered_on", "status_changed_on"),
                )
            },
        ),
        (_("Answers, and the firm's profile"), {"fields": (("answers_shown", "firm_profile"),)}),
        (_("Participant"), {"fields": ("participant_email", "document_link")}),
    )
    change_list_template = "admin/participants/registration/change_list.html"
    change_form_template = "admin/participants/registration/change_form.html"

    registered_on = staticmethod(shown_date(Registration, "created_at"))
    status_changed_on = staticmethod(shown_date(Registration, "changed_at"))

    def get_queryset(self, request):
        return in_scope_events(super().get_queryset(request), request.user)

    # Registrations are the participants': organisers answer them, through `decide`.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_decide_permission(self, request):
        return request.user.has_perm(DECIDE)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name=f"{name}_decide",
            ),
            path(
                "<path:object_id>/document/",
                self.admin_site.admin_view(self.document_view),
                name=f"{name}_document",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:  # a list, not an action's page or a redirect
            response.context_data["counts"] = counts(changelist.queryset)
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        deciding = obj is not None and self.has_decide_permission(request)
        context["may_approve"] = deciding and obj.status in (Status.RECEIVED, Status.WAITLISTED)
        context["may_reject"] = deciding and not obj.ended
        return super().render_change_form(request, context, add, change, form_url, obj)

    # What the change page shows beside the registration's own fields.

    @admin.display(description=_("answers"))
    def answers_shown(self, registration):
        questions = RegistrationQuestion.objects.filter(event_id=registration.event_id)
        answers = [
            (question.text, answer_shown(question, registration.answers.get(str(question.pk))))
            for question in questions
            if question.asks(registration.kind)
        ]
        return render_to_string(
            "admin/participants/registration/answers.html", {"answers": answers}
        )

    @admin.display(description=_("the firm's profile"))
    def firm_profile(self, registration):
        firm = registration.organisation
        return render_to_string(
            "admin/participants/registration/firm.html",
            {
                "firm": firm,
                "sectors": firm.sectors.all(),
                "hs_codes": firm.hs_codes.all(),
                "markets": firm.target_markets.all(),
            },
        )

    @admin.display(description=_("participant's e-mail"))
    def participant_email(self, registration):
        # None once the participant deleted their account (the registration stays, anonymised).
        return registration.user.email if registration.user else "—"

    @admin.display(description=_("document"))
    def document_link(self, registration):
        if not registration.document:
            return "—"
        url = reverse("admin:participants_registration_document", args=[registration.pk])
        return format_html('<a href="{}">{}</a>', url, os.path.basename(registration.document.name))

    # Deciding.

    def _decide(self, request, registrations, status, reason=""):
        """Decide each registration; each refusal is reported with its firm, the rest done."""
        decided = 0
        for registration in registrations.select_related("organisation"):
            try:
                decide(registration, status, reason)
            except Refused as refusal:
                self.message_user(
                    request,
                    _("%(firm)s: %(refusal)s")
                    % {"firm": registration.organisation, "refusal": refusal.message},
                    messages.ERROR,
                )
            else:
                decided += 1
        if decided:
            self.message_user(request, DECIDED[status](decided) % {"count": decided})

    @admin.action(description=_("Approve selected"), permissions=["decide"])
    def approve_selected(self, request, queryset):
        self._decide(request, queryset, Status.APPROVED)

    @admin.action(description=_("Reject selected with a reason"), permissions=["decide"])
    def reject_selected(self, request, queryset):
        """A page asks the reason first (as Django's delete asks to confirm)."""
        form = ReasonForm(request.POST if "post" in request.POST else None)
        if form.is_valid():
            self._decide(request, queryset, Status.REJECTED, form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject registrations"),
            "opts": self.opts,
            "form": form,
            "registrations": queryset.select_related("organisation", "event"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/participants/registration/reject_selected.html", context
        )

    @method_decorator(require_POST)
    def decide_view(self, request, object_id):
        """The change page's buttons: approve, or reject with the reason typed beside."""
        if not self.has_decide_permission(request):
            raise PermissionDenied
        registration = self.get_object(request, unquote(object_id))
        chosen = self.get_queryset(request).filter(pk=registration.pk)
        if "_approve" in request.POST:
            self._decide(request, chosen, Status.APPROVED)
        else:
            self._decide(request, chosen, Status.REJECTED, request.POST.get("reason", ""))
        return HttpResponseRedirect(
            reverse("admin:participants_registration_change", args=[registration.pk])
        )

    def document_view(self, request, object_id):
        """The registration's document, to download: staff of the event's scope only."""
        registration = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, registration):
            raise PermissionDenied
        if not registration.document:
            raise Http404
        return storage.download(registration.document, os.path.basename(registration.document.name))
