from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Participant


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for its password: a page left open is not enough."""

    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."))
        return password


class LanguageForm(forms.ModelForm):
    """The language the portal writes to the participant in."""

    class Meta:
        model = Participant
        fields = ["language"]
        labels = {"language": _("Language of the portal's mails to you")}
