"""django-allauth's strings on the account pages and in their messages, for
portal/locale, so they stay there.

django-allauth ships no Hindi or Marathi catalogue; its Persian one is
complete but words things its own way. The portal's catalogues, which come
first (LOCALE_PATHS), hold all three languages for the form labels, errors
and messages a participant meets on the pages the portal offers (sign-up,
login, password reset and change, change of e-mail); the pages and mails
themselves are the portal's own templates. This module lists the msgids,
copied from the library's code and its message templates, so that
`makemessages --no-obsolete` keeps them. Nothing imports it.

When upgrading django-allauth, check that these msgids still exist in its code.
"""

from django.utils.translation import gettext_noop

ALLAUTH_STRINGS = [
    # Form fields (allauth.account.forms, allauth.account.fields).
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Forgot your password?"),
    # Errors (allauth.account.adapter.DefaultAccountAdapter.error_messages, forms).
    gettext_noop("You must type the same password each time."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect password."),
    gettext_noop("The password reset token was invalid."),
    gettext_noop("You cannot add more than %d email addresses."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("A user is already registered with this email address."),
    # Messages (templates/account/messages/ of allauth).
    gettext_noop("You cannot remove your primary email address (%(email)s)."),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("Removed email address %(email)s."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Primary email address set."),
]
