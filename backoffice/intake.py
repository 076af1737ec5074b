"""New event from a report: the official pastes or uploads a press note, sees
what the reader (events.intake) proposes beside the text, ticks what to keep,
and gets the usual add form filled in.

The pages write nothing: the report and its proposal wait in the official's
session (a few at most) under a random key, and the add form, saved as any
add is, with its checks and the official's scope, is what records the event.
"""

import secrets

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from access import scope
from access.models import Membership
from backoffice.dates import solar_hijri_form_field
from backoffice.proposals import items, marked, prefill
from events.models import EventOrganiser
from orgs.models import Organisation
from portal.date_inputs import reads_solar_hijri
from portal.l10n import ascii_digits

SESSION_KEY = "intake"
# Reports kept in a session: one being worked on, and a few left in other tabs.
KEPT_REPORTS = 4
# The query parameter of the add form that names a report in the session.
PARAMETER = "report"


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the report"),
        required=False,
        strip=True,
        # No maxlength: a browser would cut a long paste short without a word.
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80, "dir": "auto"}),
    )
    file = forms.FileField(
        label=_("or a file"),
        required=False,
        help_text=_("A .txt, .docx or a PDF with text, at most 5 MB."),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        required=False,
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
    )
    published_on = forms.DateField(
        label=_("Published on"),
        required=False,
        help_text=_("A date the report gives without its year is read in this date's year."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if reads_solar_hijri():
            self.fields["published_on"] = solar_hijri_form_field(self.fields["published_on"])
        if self.is_bound and self.data.get("published_on"):
            self.data = self.data.copy()
            self.data["published_on"] = ascii_digits(self.data["published_on"])

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if upload and text:
            raise ValidationError(_("Paste the text or upload a file, not both."))
        where = "file" if upload else "text"
        # Imported here: the reader, its gazetteers and the .docx and PDF
        # readers are for the officials who open this page, not every process.
        from events.intake import ReportError, read_report
        from events.intake.documents import text_from_upload

        try:
            if upload:
                text = text_from_upload(upload)
            self.proposal = read_report(
                text,
                language=cleaned.get("language") or None,
                published_on=cleaned.get("published_on"),
            )
        except ValidationError as error:
            self.add_error(where, error)
        except ReportError as error:
            self.add_error(where, error.message)
        cleaned["text"] = text
        return cleaned


def _reports(request):
    return request.session.get(SESSION_KEY, {})


def _keep(request, key, report):
    """Holds the report in the session; the oldest go beyond KEPT_REPORTS."""
    reports = {k: v for k, v in _reports(request).items() if k != key}
    reports[key] = report
    request.session[SESSION_KEY] = dict(list(reports.items())[-KEPT_REPORTS:])


def _report(request, key):
    report = _reports(request).get(key)
    if report is None:
        raise Http404
    return report


def _check(request, model_admin):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied


def _context(request, model_admin, **context):
    return {
        **admin.site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("New event from a report"),
        **context,
    }


def new_from_report(request, model_admin):
    """The report, pasted or uploaded; a report the reader takes goes to its proposal."""
    _check(request, model_admin)
    posted = request.method == "POST"
    form = ReportForm(request.POST, request.FILES) if posted else ReportForm()
    if posted and form.is_valid():
        key = secrets.token_urlsafe(12)
        proposal = form.proposal.as_json()
        _keep(request, key, {"text": form.cleaned_data["text"], "proposal": proposal})
        return redirect("admin:events_event_intake_proposal", key)
    context = _context(request, model_admin, form=form)
    return TemplateResponse(request, "admin/events/event/intake_report.html", context)


def proposal(request, model_admin, key):
    """The proposal beside the report; the values ticked open the add form filled in."""
    _check(request, model_admin)
    report = _report(request, key)
    found = items(report["proposal"])
    if request.method == "POST":
        kept = {item.key for item in found} & set(request.POST.getlist("keep"))
        _keep(request, key, {**report, "keep": sorted(kept)})
        return redirect(f"{reverse('admin:events_event_add')}?{PARAMETER}={key}")
    context = _context(
        request,
        model_admin,
        items=found,
        pieces=marked(report["text"], found),
        language=report["proposal"].get("language"),
        kept=set(report.get("keep", [item.key for item in found])),
    )
    return TemplateResponse(request, "admin/events/event/intake_proposal.html", context)


def prefill_for(request):
    """The add form's prefill from the report the address names, or None.

    Only when the form is first shown: once posted, the form carries its values.
    """
    key = request.GET.get(PARAMETER)
    if request.method != "GET" or not key:
        return None
    report = _report(request, key)
    filled = prefill(report["proposal"], report["text"], report.get("keep", []))
    _with_own_organisation(filled.rows[EventOrganiser], request.user)
    return filled


def _with_own_organisation(rows, user):
    """Adds the official's organisation to the organisers when none of theirs is there.

    An event must stay in the care of one of the official's organisations; a
    report rarely names the official's own office among its organisers. The
    row is on the form for the official to see, keep or change.
    """
    known = Organisation.objects.filter(pk__in=[row.get("organisation") for row in rows])
    if scope.may_organise(user, known):
        return
    own = Membership.objects.filter(user=user).order_by("pk").first()
    if own:
        rows.append(
            {
                "organisation": own.organisation_id,
                "role": EventOrganiser.Role.ORGANISER,
                "order": len(rows),
            }
        )
