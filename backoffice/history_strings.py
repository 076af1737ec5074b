"""django-simple-history interface strings for portal/locale, so they stay there.

django-simple-history, behind the back-office's History pages, ships no
Hindi, Marathi or Persian catalogue. The catalogues in LOCALE_PATHS
(portal/locale) take precedence over the library's own, so the translations
are written there; this module keeps the msgids in use so that `makemessages
--no-obsolete` does not drop them (see portal/import_export_strings.py, which
does the same for django-import-export). Nothing imports it.

Only strings an official sees are listed: the history list, an old version's
page (read-only here: reverting is disabled) and the kind of each change.
When upgrading django-simple-history, check that these msgids still exist in
its templates and code.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

HISTORY_STRINGS = (
    # The history list (object_history.html, object_history_list.html)
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("Object"),
    gettext_noop("Date/time"),
    gettext_noop("Comment"),
    gettext_noop("Changed by"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    gettext_noop("None"),
    ngettext_lazy("entry", "entries", "counter"),
    # The kind of each change (models.py)
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    # Titles and an old version's page (admin.py, object_history_form.html, submit_line.html)
    gettext_noop("View history: %s"),
    gettext_noop("View %s"),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("History"),
    gettext_noop("Close"),
)
