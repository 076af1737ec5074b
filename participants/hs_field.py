"""A firm's products and services as HS codes, typed: "0901, 5208".

Some 1,300 chapters and headings are too many for a list to scroll on a
phone. The field is a text box that takes codes, checked against the
Harmonized System; static/portal/js/hs-codes.js turns it into a search by
code or name with the chosen codes listed, each removable.
"""

import re

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from orgs.models import HSCode
from portal.l10n import ascii_digits

SEPARATORS = re.compile(r"[\s,;،]+")
# More than a firm could mean, and a bound on the query's parameters.
MOST_CODES = 100


def typed_code(text):
    """A code as typed, digits of any script as ASCII, dots dropped; a
    subheading (6 digits) or an Indian tariff line (ITC-HS, 8), which
    exporters know from their shipping bills, as its heading."""
    code = ascii_digits(text).replace(".", "")
    return code[:4] if code.isdigit() and len(code) in (6, 8) else code


def typed_codes(value):
    """The codes in `value`, a typed text or a list of HSCodes or codes, in
    order and once each."""
    if isinstance(value, list | tuple):
        return [str(getattr(item, "pk", item)) for item in value]
    codes = (typed_code(text) for text in SEPARATORS.split(value or ""))
    return list(dict.fromkeys(code for code in codes if code))


class HSCodesWidget(forms.TextInput):
    """The typed codes, with the chosen ones named below and the search's
    texts for the script."""

    template_name = "participants/hs_codes_widget.html"

    def __init__(self, attrs=None):
        super().__init__(
            {"dir": "ltr", "autocomplete": "off", "spellcheck": "false", **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(typed_codes(value))
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, list | tuple):
            chosen = list(value)  # the firm's HSCodes
        else:
            # A text sent back with an error: name the codes that exist.
            codes = typed_codes(value)
            found = HSCode.objects.in_bulk(codes)
            chosen = [found[code] for code in codes if code in found]
        context["widget"]["chosen"] = chosen
        context["widget"]["search_url"] = reverse("firm:hs-codes")
        return context


class HSCodesField(forms.Field):
    widget = HSCodesWidget
    default_error_messages = {
        "unknown": _(
            "“%(code)s” is not an HS chapter or heading. Write each code with 2 or 4 digits, "
            "for example 09 or 0901."
        ),
        "too_many": _("Choose at most %(most)d HS codes."),
    }

    def to_python(self, value):
        return typed_codes(value)

    def clean(self, value):
        """The HSCodes named, in the order typed; every unknown code named in an error."""
        codes = super().clean(value)
        if len(codes) > MOST_CODES:
            raise forms.ValidationError(
                self.error_messages["too_many"], code="too_many", params={"most": MOST_CODES}
            )
        found = HSCode.objects.in_bulk(codes)
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise forms.ValidationError(
                [
                    forms.ValidationError(
                        self.error_messages["unknown"], code="unknown", params={"code": code}
                    )
                    for code in unknown
                ]
            )
        return [found[code] for code in codes]

    def has_changed(self, initial, data):
        return set(typed_codes(initial)) != set(typed_codes(data))
