"""django-import-export interface strings for portal/locale, so they stay there.

django-import-export, behind the back-office's Import buttons, ships no Hindi
or Marathi catalogue at all, and a Persian one that leaves some strings
untranslated and words others loosely. Officials importing a participant
list, a meeting schedule or a list of MoUs would get English import pages.

The catalogues in LOCALE_PATHS (portal/locale) take precedence over the
library's own, so the translations are written there. But `makemessages
--no-obsolete` keeps only msgids that some project file uses, and would drop
them the next time the catalogues are regenerated. This module is that use:
it lists each msgid, copied byte for byte from the library's .po files
(import_export/locale/*/LC_MESSAGES/django.po), marked with gettext_noop() so
that makemessages finds them. Nothing imports it and the calls translate
nothing at run time; the library's templates and code do the translating,
and now find our translations. (portal/admin_strings.py does the same for
Django's own admin.)

Only strings an official sees on this portal's import pages are listed: the
Import button, the import form, the preview and confirmation, the row errors
and the messages after an import. Left out: the export pages, which this
portal does not use (its reports have their own page and actions); the
"Resource" label, whose field is hidden while each admin has one resource;
"Value could not be parsed.", raised only by a duration widget the portal
does not use; and the messages meant for developers (misconfigured resources,
forms used before validation, debug logging).

When upgrading django-import-export, check that these msgids still exist in
its .po files (a changed msgid leaves a stale entry here and the new one
untranslated).
"""

# The msgids must stay exactly as the library writes them, long lines and all.
# ruff: noqa: E501

from django.utils.translation import gettext_noop

IMPORT_EXPORT_STRINGS = (
    # The Import button and the import form (change_list_import_item.html,
    # base.html, resource_fields_list.html, import.html, forms.py). "Home",
    # "Format" and "Delete" have other uses in the portal too.
    gettext_noop("Import"),
    gettext_noop("Home"),
    gettext_noop("This importer will import the following fields: "),
    gettext_noop("File to import"),
    gettext_noop("Format"),
    gettext_noop("Submit"),
    # The preview and its confirmation (import.html)
    gettext_noop(
        "Below is a preview of data to be imported. If you are satisfied with the results, click 'Confirm import'"
    ),
    gettext_noop("Confirm import"),
    gettext_noop("Preview"),
    gettext_noop("New"),
    gettext_noop("Update"),
    gettext_noop("Skipped"),
    gettext_noop("Delete"),
    # Errors in the file (import.html, admin.py)
    gettext_noop("Errors"),
    gettext_noop("Line number"),
    gettext_noop("Some rows failed to validate"),
    gettext_noop(
        "Please correct these errors in your data where possible, then reupload it using the form above."
    ),
    gettext_noop("Row"),
    gettext_noop("Non field specific"),
    gettext_noop(
        "%(exc_name)s encountered while trying to read file. Ensure you have chosen the correct format for the file."
    ),
    gettext_noop(
        "No valid data to import. Ensure your file has the correct headers or data for import."
    ),
    # The message after an import (admin.py)
    gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}."),
    # The change message each imported record gets in its history. The
    # library's msgid, "%s through import_export", can never match: its code
    # fills in the row's import type before translating (admin.py,
    # `_("%s through import_export" % import_type)`), so these, the strings
    # it actually looks up, are listed instead; they are not in its .po files.
    gettext_noop("new through import_export"),
    gettext_noop("update through import_export"),
    gettext_noop("delete through import_export"),
)
