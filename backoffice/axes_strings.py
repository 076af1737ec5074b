"""django-axes' interface strings for portal/locale, so they stay there.

django-axes keeps the back-office's login records (access attempts,
failures and logs, the lockout message). It ships no Hindi or Marathi
catalogue and a Persian one that leaves most strings untranslated: an
administrator would read those pages in English. As for the admin
(backoffice/admin_strings.py), the translations are in the portal's
catalogues, which take precedence, and this module lists the msgids, copied
from the library's code, so that `makemessages --no-obsolete` keeps them.
Nothing imports it.

When upgrading django-axes, check that these msgids still exist in its code.
"""

from django.utils.translation import gettext_noop

AXES_STRINGS = [
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Expires At"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("GET Data"),
    gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"),
    gettext_noop("Locked Out"),
    gettext_noop("Logout Time"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("POST Data"),
    gettext_noop("Path"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("User Agent"),
    gettext_noop("Username"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
]
