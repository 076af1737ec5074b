"""The public contact page's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Feedback


class FeedbackForm(forms.ModelForm):
    """Name, an optional email, the message and the page it concerns.

    `fax` is a honeypot: hidden from people (and from screen readers), it is
    filled in only by bots that fill in every field.
    """

    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Feedback
        fields = ["name", "email", "page", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email (optional)"),
            "page": _("The page it concerns (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            "email": _("Only if you would like a reply. We use it for nothing else."),
            "page": _("Its web address or title, if your message is about one page."),
            "message": _("A problem, a correction or a suggestion: up to 3,000 characters."),
        }
        # Visitors write in any of the four languages: each box takes the
        # direction of what is typed into it.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "page": forms.TextInput(attrs={"dir": "auto"}),
            "message": forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        }

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("fax"):
            raise forms.ValidationError(
                _(
                    "Your message was not sent: a field meant to stay empty was filled in. "
                    "Please clear the field “Leave this field empty” and send it again."
                ),
                code="honeypot",
            )
        return cleaned_data
