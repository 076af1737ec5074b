"""The portal's languages, listed once, and how a translated text falls back.

The list and the fallback order are modeltranslation's own (from LANGUAGES
and MODELTRANSLATION_FALLBACK_LANGUAGES), so that what a page shows for a
missing translation is what the model's own field would give.
"""

from django.utils.translation import get_language
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname, resolution_order

LANGUAGE_CODES = tuple(AVAILABLE_LANGUAGES)


def active_language():
    """The language being used, or the default one outside any of ours."""
    lang = get_language()
    return lang if lang in LANGUAGE_CODES else DEFAULT_LANGUAGE


def columns(field):
    """Every language's column of a translated field: name_en, name_hi, ..."""
    return [build_localized_fieldname(field, lang) for lang in LANGUAGE_CODES]


def fallback_order(lang=None):
    """The languages a text is looked for in: `lang` (the active one), then the fallbacks."""
    return resolution_order(lang or active_language())


def first_written(values, field, lang=None):
    """The first non-empty `field_<lang>` of `values` (a dict) in the fallback order."""
    for code in fallback_order(lang):
        value = values.get(build_localized_fieldname(field, code))
        if value:
            return value
    return ""
