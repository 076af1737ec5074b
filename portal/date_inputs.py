"""Date fields and inputs in the page's calendar: on Persian pages a date is
typed, shown and picked in the Solar Hijri calendar, and stored Gregorian.

- `CalendarDateField` reads a date typed year first in either calendar
  (portal.l10n.read_date: a year from 1700 is Gregorian, an earlier one Solar
  Hijri), with any script's digits, and otherwise as Django's DateField does.
- `SolarHijriDateInput` is a text input showing a date in the Solar Hijri
  calendar with Persian digits ("۱۴۰۵-۰۱-۰۱"), which the portal's calendar
  (static/portal/js/solar-hijri-calendar.js) enhances with a month grid. The
  calendar has no words of its own: its labels, the month and weekday names
  and the digits come with the input (`calendar_labels`).
"""

import datetime
import json

import jdatetime
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .l10n import SCRIPT_DIGITS, ascii_digits, read_date, typed_date

CALENDAR_JS = "portal/js/solar-hijri-calendar.js"
CALENDAR_CSS = "portal/css/solar-hijri-calendar.css"


def reads_solar_hijri():
    """Whether the page's dates are Solar Hijri: on Persian pages."""
    return get_language() == "fa"


class CalendarDateField(forms.DateField):
    """A date typed year first in either calendar, or as Django reads dates.

    `solar_hijri`: True reads Solar Hijri years on every page (the public
    list's filters, whose links mean the same days in every language and in
    the API); None, on Persian pages only: elsewhere every year is Gregorian,
    as a plain DateField reads it.
    """

    def __init__(self, *, solar_hijri=None, **kwargs):
        self.solar_hijri = solar_hijri
        super().__init__(**kwargs)

    def reads_solar_hijri(self):
        return reads_solar_hijri() if self.solar_hijri is None else self.solar_hijri

    def to_python(self, value):
        if isinstance(value, str):
            if self.reads_solar_hijri():
                try:
                    day = read_date(value)
                except ValueError as error:  # no such day: 1404-12-30, 2025-02-30
                    raise ValidationError(self.error_messages["invalid"], code="invalid") from error
                if day is not None:
                    return day
            value = ascii_digits(value)
        return super().to_python(value)


def calendar_labels():
    """The calendar's words in the page's language, and the Solar Hijri
    calendar's month and weekday names (Persian: the calendar serves Persian
    pages), for the input's data-calendar-labels."""
    weekdays = jdatetime.date.j_weekdays_fa  # Saturday first, as the Iranian week
    return {
        # Translators: the name of the button beside a date input that opens a calendar.
        "open": _("Choose a date for “%(field)s” from the calendar"),
        "dialog": _("Choose a date"),
        "previous": _("Previous month"),
        "next": _("Next month"),
        "today": _("Today"),
        "close": _("Close the calendar"),
        "keys": _(
            "Arrow keys move by day and by week, Page Up and Page Down by month "
            "(with Shift, by year); Enter chooses the date, Escape closes the calendar."
        ),
        "months": jdatetime.date.j_months_fa,
        "weekdays": weekdays,
        # Their initials, as a Persian calendar heads its columns (ش ی د ...).
        "weekdaysShort": [name[0] for name in weekdays],
        "digits": SCRIPT_DIGITS["persian"],
    }


class SolarHijriDateInput(forms.TextInput):
    """A date in the Solar Hijri calendar, year first with Persian digits, and
    the calendar that fills it in. A value typed (a string) is shown as typed.

    Written left to right, as the Gregorian inputs are: ۱۴۰۵-۰۱-۰۱ reads year,
    month, day whichever way the page runs.
    """

    class Media:
        js = [CALENDAR_JS]
        css = {"all": [CALENDAR_CSS]}

    def __init__(self, attrs=None):
        attrs = {"dir": "ltr", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return typed_date(value, "fa")
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-calendar"] = "solar-hijri"
        context["widget"]["attrs"]["data-calendar-labels"] = json.dumps(
            calendar_labels(), ensure_ascii=False
        )
        return context
