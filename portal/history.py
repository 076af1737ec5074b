"""History of records (django-simple-history), registered after their translations."""

import simple_history
from modeltranslation.translator import translator


def register_history(model, excluded_fields=(), **options):
    """Record every change of `model`, one column per language.

    A translated field's own column follows the language of whoever saves,
    so only its per-language columns (title_en, title_mr...) are recorded.
    """
    translated = ()
    if model in translator.get_registered_models():
        translated = tuple(translator.get_options_for_model(model).fields)
    simple_history.register(model, excluded_fields=[*excluded_fields, *translated], **options)
