"""ISO 3166-1 countries with their names in every portal language, from CLDR."""

from babel import Locale
from django.conf import settings

# CLDR also names territories that are not ISO 3166-1 countries: reserved
# codes (AC, CP, CQ, DG, EA, IC, TA), groupings (EU, EZ, UN), private-use
# codes (QO, XA, XB, XK) and "unknown" (ZZ).
NOT_ISO_3166 = {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "EU",
    "EZ",
    "IC",
    "QO",
    "TA",
    "UN",
    "XA",
    "XB",
    "XK",
    "ZZ",
}


def country_names():
    """{code: {lang: name}} for every ISO 3166-1 country."""
    names = {lang: Locale.parse(lang).territories for lang, _name in settings.LANGUAGES}
    codes = sorted(
        code
        for code in names["en"]
        if len(code) == 2 and code.isalpha() and code not in NOT_ISO_3166
    )
    return {code: {lang: names[lang][code] for lang in names} for code in codes}


def sync_countries(country_model):
    """Create missing countries and refresh their names; returns how many were added.

    Takes the model as an argument so that a data migration can pass its
    historical one.
    """
    existing = {country.code: country for country in country_model.objects.all()}
    fields = [f"name_{lang}" for lang, _name in settings.LANGUAGES]
    new, changed = [], []
    for code, names in country_names().items():
        values = {f"name_{lang}": name for lang, name in names.items()}
        values["name"] = names["en"]
        country = existing.get(code)
        if country is None:
            new.append(country_model(code=code, **values))
        elif any(getattr(country, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(country, field, value)
            changed.append(country)
    country_model.objects.bulk_create(new)
    country_model.objects.bulk_update(changed, ["name", *fields])
    return len(new)
