"""Forms of the events app."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.exporters import EXPORTERS, OutcomesSummary, ReportFilters
from events.models import Event, Scheme
from orgs.models import Organisation, Region
from portal.l10n import ascii_digits
from portal.reports.formats import FORMAT_CHOICES


class ReportForm(forms.Form):
    """A report, its filters, language and format: the admin page and the command's options.

    Records are chosen by their slug, which the command takes as well.
    """

    report = forms.ChoiceField(
        label=_("Report"),
        choices=[(slug, exporter.verbose_name) for slug, exporter in EXPORTERS.items()],
    )
    group_by = forms.ChoiceField(
        label=_("Outcomes grouped by"),
        choices=OutcomesSummary.Grouping.choices,
        initial=OutcomesSummary.Grouping.SCHEME,
        required=False,
    )
    date_from = forms.DateField(label=_("Events from"), required=False)
    date_to = forms.DateField(label=_("Events to"), required=False)
    scheme = forms.ModelChoiceField(
        Scheme.objects.all(), label=_("Scheme"), to_field_name="slug", required=False
    )
    region = forms.ModelChoiceField(
        Region.objects.select_related("parent"),
        label=_("State / district"),
        to_field_name="slug",
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of event"), choices=[("", "---------"), *Event.Kind.choices], required=False
    )
    organiser = forms.ModelChoiceField(
        Organisation.objects.filter(event_links__isnull=False).distinct(),
        label=_("Organiser"),
        to_field_name="slug",
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Publication"),
        choices=[("", "---------"), *Event.Status.choices],
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial="xlsx")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        if self.is_bound:
            # Dates typed with Devanagari or Persian digits.
            data = self.data.copy()
            for name in ("date_from", "date_to"):
                if data.get(name):
                    data[name] = ascii_digits(data[name])
            self.data = data

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period cannot be before its start."))
        return cleaned_data

    def filters(self):
        data = self.cleaned_data
        return ReportFilters(
            date_from=data["date_from"],
            date_to=data["date_to"],
            scheme=data["scheme"],
            region=data["region"],
            kind=data["kind"],
            organiser=data["organiser"],
            status=data["status"],
        )

    def exporter(self, within=None):
        exporter_class = EXPORTERS[self.cleaned_data["report"]]
        options = {}
        if exporter_class is OutcomesSummary:
            options["grouping"] = self.cleaned_data["group_by"] or OutcomesSummary.Grouping.SCHEME
        return exporter_class(self.filters(), within=within, **options)

    def table(self, within=None):
        return self.exporter(within).table(self.cleaned_data["language"])
