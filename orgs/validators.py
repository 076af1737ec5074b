"""Format checks for the identifiers Indian exporters carry."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from portal.l10n import ascii_digits


def normalise_identifier(value):
    """A Udyam number or IEC as typed by hand: upper case, no stray spaces,
    Devanagari or Persian digits as ASCII ones (the form stored and compared)."""
    return ascii_digits(value).strip().upper()


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
