"""Imports of B2B meeting schedules (django-import-export).

Before a buyer-seller meet the organiser sends the schedule as a
spreadsheet: one row per meeting, buyer and seller by name, Udyam number or
IEC, a date and a time in India, a table. The schedule belongs to one event,
chosen on the import form. Bookings are checked by the model: a seller
booked twice at the same time, in the database or earlier in the same file
(the rows before it are already written inside the import's transaction),
is named on its row.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export import fields
from import_export.forms import ConfirmImportForm, ImportForm

from portal.importing import (
    ChoiceWidget,
    DecimalWidget,
    ImportAdminMixin,
    OrganisationDirectory,
    OrganisationWidget,
    PortalResource,
    local_datetime,
    parse_date,
    parse_time,
)

from .models import B2BMeeting, Event


class MeetingResource(PortalResource):
    """One event's schedule; the event comes from the import form, not the file."""

    date = fields.Field(column_name="date")
    time = fields.Field(column_name="time")
    status = fields.Field(
        attribute="status",
        column_name="status",
        widget=ChoiceWidget(B2BMeeting.Status.choices),
        saves_null_values=False,
    )
    outcome = fields.Field(
        attribute="outcome",
        column_name="outcome",
        widget=ChoiceWidget(B2BMeeting.Outcome.choices),
        saves_null_values=False,
    )
    value = fields.Field(attribute="value", column_name="value", widget=DecimalWidget())

    column_labels = {
        "date": pgettext_lazy("day of a meeting", "date"),
        "time": B2BMeeting._meta.get_field("starts_at").verbose_name,
    }

    class Meta:
        model = B2BMeeting
        fields = ("buyer", "seller", "date", "time", "table", "status", "outcome")
        fields = (*fields, "value", "currency")
        import_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, event=None, **kwargs):
        super().__init__(**kwargs)
        self.event = event
        for role in ("buyer", "seller"):
            self.fields[role] = fields.Field(
                attribute=role, column_name=role, widget=OrganisationWidget(lambda: self.directory)
            )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if self.event is None:
            raise ValidationError(_("Choose the event the schedule belongs to."))
        self.directory = OrganisationDirectory()
        self.meetings = {
            (m.buyer_id, m.seller_id, m.starts_at): m
            for m in B2BMeeting.objects.filter(event=self.event)
        }

    def starts_at(self, row):
        return local_datetime(parse_date(row.get("date")), parse_time(row.get("time")))

    def get_instance(self, instance_loader, row):
        # A row that cannot be read is new here; import_instance names its faults.
        try:
            buyer = self.directory.find_one(row.get("buyer"))
            seller = self.directory.find_one(row.get("seller"))
            starts_at = self.starts_at(row)
        except (TypeError, ValueError):
            return None
        if buyer and seller:
            return self.meetings.get((buyer.pk, seller.pk, starts_at))
        return None

    def init_instance(self, row=None):
        return B2BMeeting(event=self.event)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance.event = self.event
        day = time = None
        for column, parse in (("date", parse_date), ("time", parse_time)):
            try:
                value = parse(row.get(column))
            except ValueError as error:
                errors[column] = [str(error)]
                continue
            if value is None:
                errors[column] = [_("This field cannot be blank.")]
            elif column == "date":
                day = value
            else:
                time = value
        if day and time:
            instance.starts_at = local_datetime(day, time)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        exclude = set(errors)
        if "date" in errors or "time" in errors:
            # The time is given as two columns: its fault is named there.
            exclude.add("starts_at")
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def column_of(self, key):
        if key == "starts_at":
            return self.file_headers.get("time", str(self.column_labels["time"]))
        return super().column_of(key)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.meetings[instance.buyer_id, instance.seller_id, instance.starts_at] = instance

    def dehydrate_date(self, meeting):
        return timezone.localtime(meeting.starts_at).date() if meeting.starts_at else ""

    def dehydrate_time(self, meeting):
        return timezone.localtime(meeting.starts_at).strftime("%H:%M") if meeting.starts_at else ""

    def dehydrate_buyer(self, meeting):
        return str(meeting.buyer) if meeting.buyer_id else ""

    def dehydrate_seller(self, meeting):
        return str(meeting.seller) if meeting.seller_id else ""


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
