"""Format checks for the identifiers Indian exporters carry, and currencies."""

from babel.numbers import list_currencies
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Udyam registration: UDYAM-<state code>-<district code>-<7 digits>.
validate_udyam_number = RegexValidator(
    r"^UDYAM-[A-Z]{2}-\d{2}-\d{7}$",
    _("Enter a Udyam registration number in the form UDYAM-MH-26-0012345."),
    code="invalid_udyam",
)

# Importer-Exporter Code: 10 characters, letters and digits (the PAN since 2019).
validate_iec = RegexValidator(
    r"^[A-Z0-9]{10}$",
    _("Enter an Importer-Exporter Code of exactly 10 capital letters and digits."),
    code="invalid_iec",
)


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
