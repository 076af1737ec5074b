"""Checks any app's fields use: currencies, upload sizes, Gregorian dates."""

from babel.numbers import list_currencies
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_currency_code(value):
    if value not in list_currencies():
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code (for example INR, USD, EUR)."),
            code="invalid_currency",
            params={"value": value},
        )


def validate_upload_size(upload):
    if upload and upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(limit)s MB."),
            code="file_too_large",
            params={"limit": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
        )


def validate_gregorian_date(value):
    """Dates are Gregorian; a Solar Hijri year (1404) typed by habit is caught here."""
    if not 1950 <= value.year <= 2100:
        raise ValidationError(
            _(
                "Enter the date in the Gregorian calendar: the year %(year)s looks like a "
                "date of another calendar."
            ),
            code="not_gregorian",
            params={"year": value.year},
        )
