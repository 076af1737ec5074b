"""Content fields of participants' records translated into every portal language."""

from modeltranslation.translator import TranslationOptions, register

from portal.history import register_history

from .models import Registration, RegistrationQuestion, RegistrationSettings


@register(RegistrationQuestion)
class RegistrationQuestionTranslation(TranslationOptions):
    fields = ("text", "choices")


# Every status change of a registration, and every change of what it is
# judged by, is in the history, with who made it.
register_history(Registration, excluded_fields=["reminded"])
register_history(RegistrationSettings)
register_history(RegistrationQuestion)
