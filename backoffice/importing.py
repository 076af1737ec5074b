"""django-import-export's admin import with the portal's rules, as a
background job (backoffice.jobs), and the B2B meeting schedule's import into
the event chosen on its form."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

from access import scope
from access.scope import UserScope
from events.importers import MeetingResource
from events.models import Event
from portal.models import Job

from . import jobs


class ImportAdminMixin(ImportMixin):
    """django-import-export's admin import with the portal's rules, run as a job.

    CSV and XLSX; importing needs both the add and the change permission
    (an import creates and updates). The upload is kept and the worker
    imports it (backoffice.jobs): one bad value, named by row and column on
    the job's page, and nothing is written.
    """

    import_formats = [CSV, XLSX]

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def import_action(self, request, **kwargs):
        """The upload form; a valid upload becomes a job and the job's page is shown."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if request.method != "POST" or not form.is_valid():
            return super().import_action(request, **kwargs)  # the form, with its errors
        params = {
            "model": self.model._meta.label_lower,
            # By its index among the resources, as the form's choice names it.
            "resource": int(form.cleaned_data.get("resource") or 0),
            "format": int(form.cleaned_data["format"]),
            "options": self.job_options(form),
        }
        title = _("Import: %(name)s") % {"name": self.model._meta.verbose_name_plural}
        return jobs.start(request, Job.Kind.IMPORT, title, params, form.cleaned_data["import_file"])

    def process_import(self, request, **kwargs):
        # The library's confirmation step: imports are jobs, never confirmed in a request.
        raise Http404

    def job_options(self, form):
        """What else the import needs from its form, kept with the job (JSON)."""
        return {}

    def job_resource(self, job):
        """The resource that imports the job's file, in its requester's scope."""
        resource_class = self.get_import_resource_classes(None)[job.params["resource"]]
        options = self.resource_options(job.params["options"])
        return resource_class(scope=UserScope(job.user), **options)

    def resource_options(self, options):
        """The resource's keyword arguments from `job_options`' answer."""
        return {}


class MeetingImportForm(ImportForm):
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        label=_("event"),
        help_text=_("The schedule's meetings are recorded at this event."),
    )
    field_order = ["event", "resource", "import_file", "format"]


class MeetingImportAdminMixin(ImportAdminMixin):
    """Admin import of a meeting schedule into the event chosen on the form."""

    resource_classes = [MeetingResource]
    import_form_class = MeetingImportForm

    def create_import_form(self, request):
        return self._scoped_event_choice(request, super().create_import_form(request))

    def _scoped_event_choice(self, request, form):
        form.fields["event"].queryset = scope.limit(Event.objects.all(), request.user)
        return form

    def job_options(self, form):
        return {"event": form.cleaned_data["event"].pk}

    def resource_options(self, options):
        return {"event": Event.objects.get(pk=options["event"])}
