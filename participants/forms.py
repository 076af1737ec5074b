"""allauth's forms as the portal's pages need them (ACCOUNT_FORMS)."""

from allauth.account import forms as allauth
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotMixin


class AddressLeftToRight:
    """An e-mail address is typed left to right, on Persian pages too (as on the contact page)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("email", "login"):
            if name in self.fields:
                self.fields[name].widget.attrs["dir"] = "ltr"


class SignupForm(AddressLeftToRight, HoneypotMixin, allauth.SignupForm):
    """allauth's sign-up (e-mail, password twice), with the portal's bot trap."""

    honeypot_message = _(
        "You were not signed up: a field meant to stay empty was filled in. "
        "Please clear the field “Leave this field empty” and try again."
    )


class LoginForm(AddressLeftToRight, allauth.LoginForm):
    pass


class ResetPasswordForm(AddressLeftToRight, allauth.ResetPasswordForm):
    pass


class AddEmailForm(AddressLeftToRight, allauth.AddEmailForm):
    pass
