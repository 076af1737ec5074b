"""The public contact page's form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotMixin
from portal.models import Feedback


class FeedbackForm(HoneypotMixin, forms.ModelForm):
    """Name, an optional email, the message and the page it concerns, and the bot trap."""

    honeypot_message = _(
        "Your message was not sent: a field meant to stay empty was filled in. "
        "Please clear the field “Leave this field empty” and send it again."
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
