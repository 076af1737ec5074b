"""Django's own form messages for portal/locale, so that they stay as Django words them.

Django REST framework (the API) ships a Persian catalogue that words seven
of Django's form messages differently ("این مقدار لازم است." for "This field
is required."), and an app's catalogue takes precedence over Django's own:
every Persian form, the contact page's and the back-office's, would change
its wording. The portal's catalogues, which come first, keep Django's; this
module lists the msgids so that `makemessages --no-obsolete` keeps them.
Nothing imports it.
"""

from django.utils.translation import gettext_noop

DJANGO_FORM_STRINGS = [
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("This field is required."),
    gettext_noop(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
    gettext_noop("Value must be valid JSON."),
]
