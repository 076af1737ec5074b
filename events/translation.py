"""Content fields translated into every portal language (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from portal.history import register_history

from .models import (
    B2BMeeting,
    Event,
    EventOrganiser,
    EventRole,
    EventSeries,
    MoU,
    MoUParty,
    Scheme,
    Session,
)


@register(Scheme)
class SchemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(EventSeries)
class EventSeriesTranslation(TranslationOptions):
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


# History after the translations, so that every language's column is recorded.
# The folded search text and the version number are derived, not edited.
DERIVED = ["search_text", "version"]
register_history(
    Event, excluded_fields=DERIVED, m2m_fields=["schemes", "sectors", "target_countries"]
)
register_history(MoU, excluded_fields=DERIVED)
for model in (EventOrganiser, Session, EventRole, MoUParty, B2BMeeting):
    register_history(model)
