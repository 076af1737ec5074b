"""The back-office's Reports page and its "export selected" admin actions.

Both hand the exporter the official's scope (access.scope.UserScope): every
record a report reads is one the official may see in the back-office.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from access.scope import UserScope
from backoffice import jobs, selection
from backoffice.forms import ReportForm
from portal import l10n
from portal.models import Job
from portal.reports.formats import response

PERMISSION = "events.export_reports"


def check_permission(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def reports(request):
    """A form (report, its options, filters, language, format); a valid one
    downloads the file, or for a large XLSX or PDF shows its job (backoffice.jobs)."""
    check_permission(request)
    form = ReportForm(request.GET if "report" in request.GET else None)
    if form.is_valid():
        exporter, fmt = form.exporter(UserScope(request.user)), form.cleaned_data["format"]
        records = exporter.count() if fmt != "csv" else 0
        if jobs.is_large(fmt, records):
            return jobs.start(request, Job.Kind.REPORT, exporter.verbose_name, request.GET.dict())
        else:
            return response(exporter.table(form.cleaned_data["language"]), fmt)
    context = {
        **admin.site.each_context(request),
        "title": _("Reports"),
        "form": form,
        "job_rows": l10n.number(settings.REPORT_JOB_ROWS, get_language()),
        "pdf_job_rows": l10n.number(settings.REPORT_PDF_JOB_ROWS, get_language()),
    }
    return TemplateResponse(request, "admin/reports.html", context)


def _export_action(fmt, description):
    @admin.action(description=description)
    def export(modeladmin, request, queryset):
        """The selected rows, as the ModelAdmin's own report (its `exporter`);
        a large XLSX is a job, as on the Reports page."""
        check_permission(request)
        exporter_class = selection.exporter_class(modeladmin)
        exporter = exporter_class(scope=UserScope(request.user), within=queryset)
        records = exporter.count() if fmt != "csv" else 0
        if jobs.is_large(fmt, records):
            title = _("%(report)s, selected rows") % {"report": exporter.verbose_name}
            params = {"selection": selection.kept(modeladmin, request), "format": fmt}
            return jobs.start(request, Job.Kind.REPORT, title, params)
        return response(exporter.table(get_language()), fmt)

    export.__name__ = f"export_selected_{fmt}"
    return export


# In the official's language; the Reports page offers the other choices.
export_selected_xlsx = _export_action("xlsx", _("Export selected (Excel)"))
export_selected_csv = _export_action("csv", _("Export selected (CSV)"))
EXPORT_ACTIONS = (export_selected_xlsx, export_selected_csv)
