"""django-import-export's admin import with the portal's rules, and the
B2B meeting schedule's import into the event chosen on its form."""

from django import forms
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm

from access import scope
from access.scope import UserScope
from events.importers import MeetingResource
from events.models import Event


class ImportAdminMixin(ImportMixin):
    """django-import-export's admin import with the portal's rules.

    CSV and XLSX; importing needs both the add and the change permission
    (an import creates and updates); whatever the confirmation step finds
    wrong rolls the whole import back.
    """

    import_formats = [CSV, XLSX]
    import_error_display = ("message", "row")

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def get_import_resource_kwargs(self, request, **kwargs):
        scope = UserScope(request.user)
        return {**super().get_import_resource_kwargs(request, **kwargs), "scope": scope}

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the preview and the confirmation:
            # everything was rolled back.
            self.message_user(
                request,
                _("Nothing was imported: some rows are no longer valid. Upload the file again."),
                level="error",
            )
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_import".format(*self.get_model_info()),
                    current_app=self.admin_site.name,
                )
            )
        return super().process_result(result, request)


class MeetingImportForm(ImportForm):
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        label=_("event"),
        help_text=_("The schedule's meetings are recorded at this event."),
    )
    field_order = ["event", "resource", "import_file", "format"]


class MeetingConfirmImportForm(ConfirmImportForm):
    event = forms.ModelChoiceField(queryset=Event.objects.all(), widget=forms.HiddenInput())


class MeetingImportAdminMixin(ImportAdminMixin):
    """Admin import of a meeting schedule into the event chosen on the form."""

    resource_classes = [MeetingResource]
    import_form_class = MeetingImportForm
    confirm_form_class = MeetingConfirmImportForm

    def create_import_form(self, request):
        return self._scoped_event_choice(request, super().create_import_form(request))

    def create_confirm_form(self, request, import_form=None):
        form = super().create_confirm_form(request, import_form)
        return self._scoped_event_choice(request, form)

    def _scoped_event_choice(self, request, form):
        form.fields["event"].queryset = scope.limit(Event.objects.all(), request.user)
        return form

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["event"] = import_form.cleaned_data["event"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        resource_kwargs = super().get_import_resource_kwargs(request, **kwargs)
        form = kwargs.get("form")
        cleaned_data = getattr(form, "cleaned_data", None) or {}
        if cleaned_data.get("event"):
            resource_kwargs["event"] = cleaned_data["event"]
        return resource_kwargs
