"""Changes to published events, approved or rejected by a publisher.

An official who may not publish changes a published event on its page as
usual; every check a save goes through runs, but the change is kept
(events.EventRevision) rather than saved, and the public pages keep the
event as it was. A publisher of the event's scope reviews it here, field by
field in their own language, and approves it (it is then saved as if they
had made it, through the same checks again) or rejects it with a reason.
"""

import copy
import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from access.roles import PUBLISH
from backoffice.scoped import ScopedAdmin
from backoffice.translated import shown_date
from events.models import Event, EventRevision
from portal import l10n

# What a posted event page holds that is not the change: the CSRF token, the
# button pressed.
NOT_THE_CHANGE = ("csrfmiddlewaretoken",)


def publishes(user):
    return user.has_perm(".".join(PUBLISH))


def needs_approval(request, event):
    """Whether this save is a change of a published event by someone who may not publish."""
    if publishes(request.user):
        return False
    stored = Event.objects.filter(pk=event.pk).values_list("status", flat=True).first()
    return stored == Event.Status.PUBLISHED


def keep_for_approval(request, event, form):
    data = {
        key: request.POST.getlist(key)
        for key in request.POST
        if key not in NOT_THE_CHANGE and not key.startswith("_")
    }
    return EventRevision.objects.create(
        event=event, proposed_by=request.user, data=data, form_fields=list(form.fields)
    )


def replayed(event_admin, request, revision):
    """The event page's form and formsets as the revision posted them, for `request`'s user."""
    posted = QueryDict(mutable=True)
    for key, values in revision.data.items():
        posted.setlist(key, values)
    event = revision.event
    # Posted to the event's own page: what its inlines read from the URL (the
    # event's id, for a role's sessions) is the event's, not the revision's.
    request.method, request.POST = "POST", posted
    request.resolver_match = resolve(reverse("admin:events_event_change", args=[event.pk]))
    form_class = event_admin.get_form(request, event, change=True, fields=revision.form_fields)
    form = form_class(posted, instance=event)
    formsets = [
        formset(
            **event_admin.get_formset_kwargs(request, event, inline, formset.get_default_prefix())
        )
        for formset, inline in event_admin.get_formsets_with_inlines(request, event)
    ]
    return form, formsets


def _shown(field, value):
    """A form field's value (as stored or as posted) as the publisher reads it."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        keys = value if isinstance(value, list | tuple) else [value]
        keys = [getattr(key, "pk", key) for key in keys if key not in (None, "")]
        value = list(field.queryset.filter(pk__in=keys))
    elif isinstance(field, forms.ChoiceField) and not isinstance(value, list):
        value = dict(field.choices).get(value, value)
    if value in (None, "", []):
        return "—"
    if isinstance(value, datetime.date):
        return l10n.date(value, get_language())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def changes(form, formsets):
    """(field, as it is, as proposed) of each field the revision changes, and a
    line for each part of the event (organisers, sessions...) it changes."""
    form.is_valid()
    fields = [
        (
            capfirst(form.fields[name].label),
            _shown(form.fields[name], form.initial.get(name)),
            _shown(form.fields[name], form.cleaned_data.get(name, form.data.get(name))),
        )
        for name in form.changed_data
    ]
    parts = []
    for formset in formsets:
        formset.is_valid()
        changed = [f for f in formset.forms if f.has_changed()]
        removed = sum(1 for f in changed if f.cleaned_data.get("DELETE"))
        added = sum(1 for f in changed if not f.instance.pk) - removed
        if changed:
            parts.append(
                _("%(part)s: %(added)s added, %(changed)s changed, %(removed)s removed")
                % {
                    "part": capfirst(formset.model._meta.verbose_name_plural),
                    "added": added,
                    "changed": len(changed) - added - removed,
                    "removed": removed,
                }
            )
    return fields, parts


def _field_errors(form, part=""):
    errors = []
    for name, messages_ in form.errors.items():
        if name == "__all__":
            errors.append(f"{part}{' '.join(messages_)}")
        elif form.fields[name].label is None:
            # A part's hidden id: the row the change names is no longer there,
            # which is all there is to say of it.
            return [f"{part}{_('deleted after the change was proposed.')}"]
        else:
            errors.append(f"{part}{capfirst(form.fields[name].label)}: {' '.join(messages_)}")
    return errors


def refusals(form, formsets):
    """Why the change cannot be saved as it stands: every error of the event's
    own fields and of each of its parts, named so that a publisher finds it."""
    errors = _field_errors(form)
    for formset in formsets:
        part = capfirst(formset.model._meta.verbose_name_plural)
        errors += [f"{part}: {error}" for error in formset.non_form_errors()]
        for row in formset.forms:
            if row.errors:
                errors += _field_errors(row, f"{part} ({capfirst(str(row.instance))}): ")
    return errors


@admin.register(EventRevision)
class EventRevisionAdmin(ScopedAdmin):
    list_display = (
        "event",
        "proposed_by",
        shown_date(EventRevision, "proposed_at"),
        "status",
        "decided_by",
    )
    list_filter = ("status",)
    list_select_related = ("event", "proposed_by", "decided_by")
    search_fields = ("event__title", "proposed_by__username")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of who proposed and who decided stays

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = get_object_or_404(self.get_queryset(request), pk=object_id)
        if request.method == "POST":
            return self._decide(request, revision)
        return self._review(request, revision)

    def _review(self, request, revision, errors=(), status=200):
        event_admin = self.admin_site.get_model_admin(Event)
        # In a transaction, as the event page's save: its version check locks the row.
        with transaction.atomic():
            form, formsets = replayed(event_admin, copy.copy(request), revision)
            fields, parts = changes(form, formsets)
        context = {
            **self.admin_site.each_context(request),
            "title": _("A change waiting for approval"),
            "opts": self.opts,
            "revision": revision,
            "fields": fields,
            "parts": parts,
            "errors": errors,
            "may_decide": publishes(request.user)
            and revision.status == EventRevision.Status.PENDING,
        }
        return TemplateResponse(
            request, "admin/events/eventrevision/review.html", context, status=status
        )

    def _decide(self, request, revision):
        if not publishes(request.user):
            raise PermissionDenied
        if revision.status != EventRevision.Status.PENDING:
            self.message_user(request, _("This change has already been decided."), messages.ERROR)
            return HttpResponseRedirect(request.path)
        if "_approve" in request.POST:
            return self._approve(request, revision)
        reason = request.POST.get("reason", "").strip()
        if not reason:
            return self._review(
                request, revision, [_("Give the reason for rejecting the change.")], 400
            )
        self._close(request, revision, EventRevision.Status.REJECTED, reason)
        self.message_user(request, _("The change was rejected."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:events_eventrevision_changelist"))

    def _approve(self, request, revision):
        event_admin = self.admin_site.get_model_admin(Event)
        with transaction.atomic():
            form, formsets = replayed(event_admin, copy.copy(request), revision)
            valid = form.is_valid() and all(formset.is_valid() for formset in formsets)
            if valid:
                event = form.save(commit=False)
                event_admin.save_model(request, event, form, change=True)
                event_admin.save_related(request, form, formsets, change=True)
                self._close(request, revision, EventRevision.Status.APPROVED)
        if not valid:
            return self._review(request, revision, refusals(form, formsets), 409)
        self.message_user(
            request, _("The change was approved and is now public."), messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[revision.event_id]))

    @staticmethod
    def _close(request, revision, status, reason=""):
        revision.status, revision.reason = status, reason
        revision.decided_by, revision.decided_at = request.user, timezone.now()
        revision.save(update_fields=["status", "reason", "decided_by", "decided_at"])
