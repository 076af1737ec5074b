"""Content fields translated into every portal language (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventRole, MoU, Scheme, Session


@register(Scheme)
class SchemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "venue", "city", "contact_desk")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "topic")


@register(EventRole)
class EventRoleTranslation(TranslationOptions):
    fields = ("topic", "designation")


@register(MoU)
class MoUTranslation(TranslationOptions):
    fields = ("title", "purpose", "activities")
