"""Background jobs in the back-office: each official's own reports and imports
(portal.models.Job), with a job's progress while it runs and its file or its
errors after; and the scheduled reports officials set up (backoffice.scheduled).

A job is seen and its file downloaded only by whoever asked for it (and
superusers): the file holds the rows of the asker's scope.
"""

import copy
import posixpath

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from backoffice import reports
from backoffice.forms import EXPORTERS, ReportForm, option_fields
from backoffice.translated import shown_date
from portal import l10n, progress, storage
from portal.models import Job, ReportRecipient, ScheduledReport
from portal.reports.formats import FORMAT_CHOICES

# An import's counts, as the job's page names them.
OUTCOMES = {
    "new": _("Rows added"),
    "update": _("Rows changed"),
    "delete": _("Rows deleted"),
    "skip": _("Rows unchanged"),
}


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", shown_date(Job, "created_at"))
    list_filter = ("kind", "status")
    list_display_links = ("title",)

    def get_queryset(self, request):
        jobs = super().get_queryset(request)
        return jobs if request.user.is_superuser else jobs.filter(user=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        mine = obj is None or obj.user_id == request.user.pk or request.user.is_superuser
        return self.has_module_permission(request) and mine

    def has_add_permission(self, request):
        return False  # a job is made by the Reports page or an import

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<path:object_id>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="portal_job_progress",
            ),
            path(
                "<path:object_id>/file/",
                self.admin_site.admin_view(self.download_view),
                name="portal_job_file",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {"title": _("My reports and imports"), **(extra_context or {})}
        return super().changelist_view(request, context)

    def job(self, request, object_id):
        job = self.get_object(request, object_id)
        if job is None or not self.has_view_permission(request, job):
            raise Http404
        return job

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.job(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": job.title,
            "job": job,
            "progress": self._progress(job),
            "outcome": [
                (label, l10n.number(job.outcome[name], get_language()))
                for name, label in OUTCOMES.items()
                if name in job.outcome
            ],
            "file_name": posixpath.basename(job.file.name) if job.file else "",
        }
        return TemplateResponse(request, "admin/portal/job/job.html", context)

    def progress_view(self, request, object_id):
        job = self.job(request, object_id)
        figures = self._progress(job)
        return JsonResponse(
            {
                "status": job.status,
                "status_label": job.get_status_display(),
                "finished": job.finished,
                "value": figures["value"],
                "max": figures["max"],
                "progress": {"done": figures["done"], "total": figures["total"]},
            }
        )

    def download_view(self, request, object_id):
        job = self.job(request, object_id)
        if job.kind != Job.Kind.REPORT or job.status != Job.Status.DONE or not job.file:
            raise Http404
        name = posixpath.basename(job.file.name)
        return storage.download(job.file, name)

    @staticmethod
    def _progress(job):
        """Rows done and in all: the worker's latest report while it runs, the job's own after."""
        report = {"done": job.done, "total": job.total} if job.finished else progress.latest(job)
        done, total = report.get("done", 0), report.get("total", 0)
        lang = get_language()
        return {
            "value": done,
            "max": total,
            "done": l10n.number(done, lang),
            "total": l10n.number(total, lang) if total else "—",
        }


# Scheduled reports


def report_viewers():
    """Active staff who may export reports: the recipients a schedule may name."""
    permission = Permission.objects.filter(
        content_type__app_label="events", codename="export_reports"
    )
    holders = (
        Q(is_superuser=True)
        | Q(user_permissions__in=permission)
        | Q(groups__permissions__in=permission)
    )
    return get_user_model().objects.filter(holders, is_active=True, is_staff=True).distinct()


# The Reports page's filters and report options a schedule keeps; its
# period is the last whole week or month, its language each recipient's.
FILTERS = ("scheme", "region", "kind", "organiser", "status")
OPTIONS = set(option_fields())


class ScheduledReportForm(forms.ModelForm):
    report = forms.ChoiceField(
        label=_("Report"),
        choices=[(slug, exporter.verbose_name) for slug, exporter in EXPORTERS.items()],
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="xlsx")

    class Meta:
        model = ScheduledReport
        fields = ("name", "report", "format", "frequency", "active")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.option_names():
            self.fields[name].initial = self.instance.options.get(name)

    @classmethod
    def option_names(cls):
        return [name for name in cls.base_fields if name in FILTERS or name in OPTIONS]

    def save(self, commit=True):
        # As the Reports page's form takes them: slugs, choice values.
        self.instance.options = {
            name: self.data[self.add_prefix(name)]
            for name in self.option_names()
            if self.data.get(self.add_prefix(name))
        }
        return super().save(commit)


# The filters and options, as the Reports page offers them: declared fields,
# so that the admin's own form class (a subclass) keeps them.
ScheduledReportForm.declared_fields.update(
    {name: copy.deepcopy(ReportForm.base_fields[name]) for name in FILTERS} | option_fields()
)
ScheduledReportForm.base_fields.update(ScheduledReportForm.declared_fields)


class RecipientInline(admin.TabularInline):
    model = ReportRecipient
    extra = 1
    fields = ("user", "language")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = report_viewers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "language":
            field.initial = get_language()
        return field

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(reports.PERMISSION)

    has_change_permission = has_delete_permission = has_view_permission = has_add_permission


@admin.register(ScheduledReport)
class ScheduledReportAdmin(admin.ModelAdmin):
    """An official's scheduled reports; each recipient gets it in their own scope and language."""

    form = ScheduledReportForm
    inlines = [RecipientInline]
    list_display = ("name", "frequency", "active", "last_sent_on")
    readonly_fields = ("last_sent_on",)

    def get_queryset(self, request):
        schedules = super().get_queryset(request)
        return schedules if request.user.is_superuser else schedules.filter(owner=request.user)

    def has_module_permission(self, request):
        return request.user.has_perm(reports.PERMISSION)

    def has_view_permission(self, request, obj=None):
        # Only their own schedules are in the list (get_queryset).
        return self.has_module_permission(request)

    has_add_permission = has_module_permission
    has_change_permission = has_delete_permission = has_view_permission

    def save_model(self, request, obj, form, change):
        if not change:
            obj.owner = request.user
        super().save_model(request, obj, form, change)
