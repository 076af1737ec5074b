"""The back-office's Reports page and its "export selected" admin actions."""

from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from access import scope
from backoffice.forms import ReportForm
from events.exporters import EXPORTERS
from portal.reports.formats import response

PERMISSION = "events.export_reports"


def check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def reports(request):
    """A form (report, its options, filters, language, format); a valid one downloads the file."""
    check_permission(request)
    form = ReportForm(request.GET if "report" in request.GET else None)
    if form.is_valid():
        # Only what the official may see in the back-office (access.scope).
        model = EXPORTERS[form.cleaned_data["report"]].model
        within = scope.limit(model._default_manager.all(), request.user)
        return response(form.table(within), form.cleaned_data["format"])
    context = {
        **admin.site.each_context(request),
        "title": _("Reports"),
        "form": form,
    }
    return TemplateResponse(request, "admin/reports.html", context)


def _export_action(fmt, description):
    @admin.action(description=description)
    def export(modeladmin, request, queryset):
        """The selected rows, as the ModelAdmin's own report (its `exporter`)."""
        check_permission(request)
        exporter_class = getattr(modeladmin, "exporter", None)
        if exporter_class is None or exporter_class.model is not modeladmin.model:
            raise ImproperlyConfigured(
                f"{type(modeladmin).__name__} offers export actions: name its exporter "
                f"(an exporter of {modeladmin.model.__name__} records)."
            )
        exporter = exporter_class(within=queryset)
        return response(exporter.table(get_language()), fmt)

    export.__name__ = f"export_selected_{fmt}"
    return export


# In the official's language; the Reports page offers the other choices.
export_selected_xlsx = _export_action("xlsx", _("Export selected (Excel)"))
export_selected_csv = _export_action("csv", _("Export selected (CSV)"))
EXPORT_ACTIONS = (export_selected_xlsx, export_selected_csv)
