"""Dates on the back-office's Persian pages: typed, shown and picked in the
Solar Hijri calendar, stored Gregorian (portal.date_inputs).

On a Persian page every date of every form (a DateField, and the date part
of a DateTimeField) takes a date typed year first in either calendar, with
Persian or Latin digits (۱۴۰۵-۰۱-۰۱, 1405/1/1, 2026-03-21: a year from 1700
is Gregorian, an earlier one Solar Hijri), shows the stored date in the Solar
Hijri calendar with Persian digits, so that a form opened and saved changes
nothing, and offers the portal's Solar Hijri calendar in place of Django's
Gregorian one (a time keeps Django's clock). In the other languages the
fields are Django's own, untouched: a Solar Hijri year typed by habit there
is still refused (portal.validators.validate_gregorian_date).

Imports are left out: dates in files are Gregorian (portal.importing).
"""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime, BaseAdminTimeWidget
from django.db import models

from portal.date_inputs import CalendarDateField, SolarHijriDateInput, reads_solar_hijri


class SolarHijriAdminDateWidget(SolarHijriDateInput):
    """The admin's date input on Persian pages: sized as Django's, and without
    Django's `vDateField` class, which would add Django's Gregorian calendar."""

    def __init__(self, attrs=None):
        super().__init__({"class": "vSolarHijriDateField", "size": "10", **(attrs or {})})


class SolarHijriAdminSplitDateTime(AdminSplitDateTime):
    """A date (Solar Hijri, with the portal's calendar) and a time (with Django's clock)."""

    def __init__(self, attrs=None):
        # As AdminSplitDateTime, which calls MultiWidget's own __init__ to name its widgets.
        forms.MultiWidget.__init__(self, [SolarHijriAdminDateWidget, BaseAdminTimeWidget], attrs)


class SolarHijriSplitDateTimeField(forms.SplitDateTimeField):
    """A SplitDateTimeField whose date is read in either calendar."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        gregorian, time = self.fields
        date = CalendarDateField(
            error_messages={"invalid": self.error_messages["invalid_date"]},
            localize=gregorian.localize,
        )
        # As MultiValueField sets up its fields.
        date.error_messages.setdefault("incomplete", self.error_messages["incomplete"])
        date.required = gregorian.required
        date.disabled = gregorian.disabled
        self.fields = (date, time)


def solar_hijri_form_field(form_field):
    """A form field (a date, a date and time, or any other) as Persian pages take it.

    For forms that are not a ModelAdmin's (the Reports page's).
    """
    if isinstance(form_field, forms.DateField) and not isinstance(form_field, CalendarDateField):
        return CalendarDateField(
            required=form_field.required,
            label=form_field.label,
            initial=form_field.initial,
            help_text=form_field.help_text,
            widget=SolarHijriAdminDateWidget,
        )
    return form_field


class SolarHijriDates:
    """A ModelAdmin or inline whose date fields, on Persian pages, are Solar Hijri."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if reads_solar_hijri():
            # A DateTimeField is a DateField too: asked first.
            if isinstance(db_field, models.DateTimeField):
                kwargs = {
                    "form_class": SolarHijriSplitDateTimeField,
                    "widget": SolarHijriAdminSplitDateTime,
                    **kwargs,
                }
            elif isinstance(db_field, models.DateField):
                kwargs = {
                    "form_class": CalendarDateField,
                    "widget": SolarHijriAdminDateWidget,
                    **kwargs,
                }
        return super().formfield_for_dbfield(db_field, request, **kwargs)
