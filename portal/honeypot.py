"""A bot trap for the public forms, instead of a CAPTCHA (which shuts out
people using screen readers, and needs another host on a closed network).

`fax` is hidden from people and from screen readers (templates/_honeypot.html);
only bots that fill in every field fill it in. The form is refused, saying
which field to clear, so that a person whose browser filled it in by mistake
can still go on.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """Adds the `fax` trap; a form names in `honeypot_message` what was not done."""

    honeypot_message = None

    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("fax"):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data
