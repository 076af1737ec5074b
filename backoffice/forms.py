"""The back-office's forms: the Reports page's."""

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from backoffice.dates import solar_hijri_form_field
from events import exporters as events_exporters
from events.exporters import ReportFilters
from events.models import Event, Scheme
from orgs.models import Organisation, Region
from participants import exporters as participants_exporters
from portal.date_inputs import reads_solar_hijri
from portal.l10n import ascii_digits
from portal.reports.formats import FORMAT_CHOICES

# Every app's reports, each app's in the order its registry lists them.
EXPORTERS = {**events_exporters.EXPORTERS, **participants_exporters.EXPORTERS}


def option_fields():
    """Every report's own form fields (`Exporter.form_fields`), by name."""
    fields = {}
    for exporter in EXPORTERS.values():
        for name, field in exporter.form_fields().items():
            if name in fields or name in ReportForm.base_fields:
                raise ImproperlyConfigured(f"Two report fields are named {name!r}.")
            fields[name] = field
    return fields


class ReportForm(forms.Form):
    """A report, its own options, filters, language and format: the admin page and the command's.

    Each report's options are the fields its exporter declares, offered after
    the choice of report. Records are chosen by their slug, which the command
    takes as well.
    """

    report = forms.ChoiceField(
        label=_("Report"),
        choices=[(slug, exporter.verbose_name) for slug, exporter in EXPORTERS.items()],
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
        report, *others = self.fields.items()
        self.fields = dict([report, *option_fields().items(), *others])
        self.fields["language"].initial = get_language()
        if reads_solar_hijri():
            # Persian pages: the period in the Solar Hijri calendar (backoffice.dates).
            self.fields = {name: solar_hijri_form_field(f) for name, f in self.fields.items()}
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

    def exporter(self, scope=None):
        """The chosen report with its options and filters, reading through `scope`.

        `scope` is the user's (access.scope.UserScope); none is every record,
        for the management command.
        """
        exporter_class = EXPORTERS[self.cleaned_data["report"]]
        options = {
            name: self.cleaned_data[name]
            for name in exporter_class.form_fields()
            if self.cleaned_data.get(name) not in (None, "")
        }
        return exporter_class(self.filters(), scope=scope, **options)

    def table(self, scope=None):
        return self.exporter(scope).table(self.cleaned_data["language"])
