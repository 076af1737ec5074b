"""The back-office's Reports page and its "export selected" actions."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from access import scope
from events.exporters import EXPORTERS
from portal.reports.formats import response

PERMISSION = "events.export_reports"


def check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def reports(request):
    """A form (report, filters, language, format); a valid one downloads the file."""
    from backoffice.forms import (
        ReportForm,  # the form lists exporters, which import this module's app
    )

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
        check_permission(request)
        exporter_class = next(e for e in EXPORTERS.values() if e.model is modeladmin.model)
        return response(exporter_class(within=queryset).table(get_language()), fmt)

    export.__name__ = f"export_selected_{fmt}"
    return export


# In the official's language; the Reports page offers the other choices.
export_selected_xlsx = _export_action("xlsx", _("Export selected (Excel)"))
export_selected_csv = _export_action("csv", _("Export selected (CSV)"))
EXPORT_ACTIONS = (export_selected_xlsx, export_selected_csv)
