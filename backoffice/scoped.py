"""The ModelAdmin bases that hold to the user's scope (access.scope), with
each record's history, field by field, read-only."""

import dataclasses

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from access import scope
from backoffice.dates import SolarHijriDates
from events.models import Event


class ChangesHelper(HistoricalRecordContextHelper):
    """Leaves out a text that went from unset to empty: no reader would call it a
    change; and shows an unset value as empty, not as Python's English "None"."""

    def context_for_delta_changes(self, delta):
        changes = [change for change in delta.changes if change.old or change.new]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return "" if value is None else value


class HistoryAdmin(SolarHijriDates, SimpleHistoryAdmin):
    """Each record's history, field by field, read-only.

    The history pages show only records the user may see; a deleted record's
    history, whose scope can no longer be told, is for administrators. Old
    versions are for reading: reverting would bypass the checks a save goes
    through.
    """

    def history_view(self, request, object_id, extra_context=None):
        self._check_reachable(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_reachable(request, object_id)
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return ChangesHelper(self.model, historical_record)

    def _check_reachable(self, request, object_id):
        exists = self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        if not exists and not scope.sees_everything(request.user):
            raise Http404

    def get_object(self, request, object_id, from_field=None):
        # Someone else's record, or none: a guessed address gets a 404 either way.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj


class ScopedAdmin(HistoryAdmin):
    """Lists, pages, autocompletes, actions and choices hold to the user's events."""

    def get_queryset(self, request):
        return scope.limit(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # An event, MoU... outside the user's scope cannot be chosen, even by a forged POST.
        if db_field.related_model in scope.SCOPES:
            related = db_field.related_model._default_manager.all()
            kwargs["queryset"] = scope.limit(related, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DirectoryAdmin(HistoryAdmin):
    """Organisations and people: everyone looks them up, some may not change them."""

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or scope.may_change(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or scope.may_change(request.user, obj))

    def get_deleted_objects(self, objs, request):
        # "Delete selected" asks once for the whole selection.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not all(scope.may_change(request.user, obj) for obj in objs):
            perms_needed.add(self.opts.verbose_name)
        return deleted, counts, perms_needed, protected


def in_scope_events(queryset, user):
    """The rows of `queryset` whose event is in the user's scope.

    For the records of apps above events (registrations, meeting requests):
    access.scope, a layer under them, knows only the events.
    """
    if scope.sees_everything(user):
        return queryset
    return queryset.filter(event__in=scope.limit(Event.objects.all(), user))
