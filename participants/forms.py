from allauth.account.forms import SignupForm as AllauthSignupForm
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotMixin


class SignupForm(HoneypotMixin, AllauthSignupForm):
    """allauth's sign-up (e-mail, password twice), with the portal's bot trap."""

    honeypot_message = _(
        "You were not signed up: a field meant to stay empty was filled in. "
        "Please clear the field “Leave this field empty” and try again."
    )
