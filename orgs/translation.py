"""Content fields translated into every portal language (modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from portal.history import register_history

from .models import Country, HSCode, Organisation, Person, Region, Sector


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


# Only the chapters have names in every language (orgs/data/README.md); a
# heading falls back to English.
@register(HSCode)
class HSCodeTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "designation")


# History after the translations, so that every language's column is recorded.
register_history(Organisation, excluded_fields=["search_text"])
register_history(Person)
