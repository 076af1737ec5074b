"""Organisations and the people who work for them."""

import random
from array import array
from dataclasses import dataclass, field
from string import ascii_uppercase, digits

from anyascii import anyascii
from django.utils.text import slugify

from devtools.generate import words
from devtools.generate.records import Slugs, apportion, fill, next_id, pick, search_text, translated
from orgs.models import Country, Organisation, Person

Kind = Organisation.Kind
# Shares per ten thousand organisations. Public and trade bodies are as many
# as their names can be at scale 1 (each name template, words.BODIES, once
# per district or state), so that none is named twice.
KIND_SHARES = {
    Kind.MSME: 7800,
    Kind.FOREIGN_BUYER: 1900,
    Kind.INDUSTRY_ASSOCIATION: 80,
    Kind.DISTRICT_OFFICE: 80,
    Kind.FINANCIAL: 50,
    Kind.CHAMBER: 25,
    Kind.EXPORT_COUNCIL: 25,
    Kind.SEZ_TRADE_CENTRE: 25,
    Kind.GOVERNMENT: 14,
    Kind.STATE_CORPORATION: 14,
}
OFFICIAL_KINDS = {Kind.GOVERNMENT, Kind.DISTRICT_OFFICE, Kind.STATE_CORPORATION}
STATE_LEVEL_KINDS = {Kind.GOVERNMENT, Kind.STATE_CORPORATION}
BUYER_COUNTRIES = 120
MAIN_MARKET_WEIGHT = 6  # a main market sends six times as many buyers as another country
IRANIAN_BODIES = 0.06  # the share of public and trade bodies that are Iranian
IEC_HOLDERS = 0.65  # the share of MSMEs that export, so hold an IEC
# People per organisation, relative: a department has more officers than a firm directors.
STAFF_WEIGHTS = {"official": 12, "trade": 6, "firm": 2}
WOMEN = 0.35
DOCTORS = 0.05
WITH_EMAIL = 0.3
IAS_POSTS = {"District Collector", "Principal Secretary, Industries"}


def group_of(kind):
    """ "official" (organises events), "trade" (takes part in organising) or "firm"."""
    if kind in OFFICIAL_KINDS:
        return "official"
    if kind in (Kind.MSME, Kind.FOREIGN_BUYER):
        return "firm"
    return "trade"


@dataclass
class Directory:
    """What later tables need to know of the organisations and people made."""

    msmes: list = field(default_factory=list)  # organisation ids
    buyers: list = field(default_factory=list)  # organisation ids
    buyer_countries: list = field(default_factory=list)  # country codes, repeated by weight
    # (id, group, country, state id or None) of every organisation made.
    organisations: list = field(default_factory=list)
    # Body ids by (group, key): a key is a district's or state's id, or a country code.
    bodies: dict = field(default_factory=dict)
    # People, by index from `first_person`: their organisation and designation.
    first_person: int = 0
    person_organisation: array = field(default_factory=lambda: array("q"))
    person_designation: list = field(default_factory=list)
    # Officials' indexes by state id or country code.
    officials: dict = field(default_factory=dict)

    def body(self, rng, group, keys):
        """A body of `group` at the first of `keys` (district, state, country) that has one."""
        for key in keys:
            pool = self.bodies.get((group, key))
            if pool:
                return rng.choice(pool)
        return rng.choice(self.organisations)[0]

    def official(self, rng, keys):
        """The index of an official at the first of `keys` that has one, else of anyone."""
        for key in keys:
            pool = self.officials.get(key)
            if pool:
                return rng.choice(pool)
        return self.anyone(rng)

    def anyone(self, rng):
        return rng.randrange(len(self.person_organisation))


def make_organisations(writer, reference, count, seed):
    rng = random.Random(f"{seed}:organisations")
    directory = Directory(buyer_countries=_buyer_countries(rng))
    shares = apportion(count, list(KIND_SHARES.values()))
    kinds = [kind for kind, n in zip(KIND_SHARES, shares, strict=True) for _ in range(n)]
    rng.shuffle(kinds)
    namer = _Namer(rng, reference)
    slugs = Slugs(Organisation)
    first = next_id(Organisation)
    sector_ids = {sector.slug: sector.pk for sector in reference.sectors}
    sectors = []  # (organisation id, sector id)

    def rows():
        for pk, kind in enumerate(kinds, first):
            row = {"id": pk, "kind": kind, "udyam_number": "", "iec": ""}
            if kind == Kind.MSME:
                place = rng.choice(namer.indian)
                names, sector = namer.msme(place)
                row["udyam_number"] = namer.udyam(place)
                row["iec"] = namer.iec() if rng.random() < IEC_HOLDERS else ""
                sectors.append((pk, sector_ids[sector]))
                directory.msmes.append(pk)
                country, region, state = "IN", place.region, place.state.pk
            elif kind == Kind.FOREIGN_BUYER:
                names, country, place = namer.buyer(directory.buyer_countries)
                region, state = (place.region, place.state.pk) if place else (None, None)
                directory.buyers.append(pk)
            else:
                names, region, state = namer.body(kind)
                country = region.country_id
                for key in dict.fromkeys([region.pk, state, country]):
                    directory.bodies.setdefault((group_of(kind), key), []).append(pk)
            directory.organisations.append((pk, group_of(kind), country, state))
            row.update(country_id=country, region_id=region.pk if region else None)
            row.update(translated("name", names), **translated("description", {}))
            row["slug"] = slugs(names["en"])
            row["search_text"] = search_text(Organisation, row, region)
            yield row

    writer.insert(Organisation, rows())
    writer.insert(
        Organisation.sectors.through,
        ({"organisation_id": pk, "sector_id": sector} for pk, sector in sectors),
    )
    return directory


def _buyer_countries(rng):
    """The countries buyers come from, each main market repeated by its weight."""
    codes = list(Country.objects.exclude(code="IN").order_by("code").values_list("code", flat=True))
    main = [code for code in words.MAIN_MARKETS if code in codes]
    others = rng.sample([code for code in codes if code not in main], BUYER_COUNTRIES - len(main))
    return main * MAIN_MARKET_WEIGHT + others


class _Namer:
    """Names and identifiers for organisations. A body's name is not repeated
    until every (template, place) pair of its kind has been used."""

    def __init__(self, rng, reference):
        self.rng = rng
        self.indian = [place for place in reference.places if place.country == "IN"]
        self.iranian = [place for place in reference.places if place.country == "IR"]
        self.pairs = {}
        self.udyam_numbers = set(
            Organisation.objects.exclude(udyam_number="").values_list("udyam_number", flat=True)
        )
        self.iecs = set(Organisation.objects.exclude(iec="").values_list("iec", flat=True))

    def msme(self, place):
        """A firm's names, after its owner or a lucky name and what it makes, and its sector."""
        rng = self.rng
        first = rng.choice(words.INDIAN_SURNAMES + words.FIRM_NAMES)
        sector = rng.choice(list(words.PRODUCTS))
        parts = (first, rng.choice(words.PRODUCTS[sector]), rng.choice(words.FIRM_FORMS))
        names = {
            lang: " ".join(part[lang] for part in parts if part[lang]) for lang in place.languages
        }
        return names, sector

    def buyer(self, countries):
        """A foreign buyer's names, country, and place (only an Iranian one is placed)."""
        rng = self.rng
        country = rng.choice(countries)
        if country == "IR":
            name = rng.choice(words.IRANIAN_BUYER_NAMES)
            names = fill(words.IRANIAN_BUYER, words.IRAN, name=name)
            return names, country, rng.choice(self.iranian)
        form = words.LEGAL_FORMS.get(country, words.DEFAULT_LEGAL_FORM)
        name = f"{rng.choice(words.BUYER_NAMES)} {rng.choice(words.BUYER_TRADES)} {form}"
        return {"en": name}, country, None

    def body(self, kind):
        """A public or trade body's names, region, and state id.

        Names are drawn without putting back; Iranian ones, fewer, only while
        they last, and Indian ones again from the start once all are used.
        """
        iranian = self.rng.random() < IRANIAN_BODIES and self._pairs(kind, "IR")
        country = "IR" if iranian else "IN"
        if not self._pairs(kind, country):
            del self.pairs[kind, country]
        texts, region = self._pairs(kind, country).pop()
        languages = words.IRAN if country == "IR" else words.INDIA
        names = fill(texts, languages, place=region.translations("name"))
        return names, region, region.parent_id or region.pk

    def _pairs(self, kind, country):
        """The (name template, region) pairs of a kind of body not used yet."""
        if (kind, country) not in self.pairs:
            places = self.iranian if country == "IR" else self.indian
            if kind in STATE_LEVEL_KINDS:
                regions = {place.state.pk: place.state for place in places}.values()
            else:
                regions = [place.region for place in places]
            templates = words.BODIES[country][kind]
            pairs = [(texts, region) for texts in templates for region in regions]
            self.rng.shuffle(pairs)
            self.pairs[kind, country] = pairs
        return self.pairs[kind, country]

    def udyam(self, place):
        while True:
            number = f"{place.udyam_prefix}-{self.rng.randrange(10**7):07d}"
            if number not in self.udyam_numbers:
                self.udyam_numbers.add(number)
                return number

    def iec(self):
        """An IEC in the form of a PAN, which it has been since 2019: AAAPL1234C."""
        rng = self.rng
        while True:
            iec = "".join(
                [
                    *rng.choices(ascii_uppercase, k=3),
                    rng.choice("PFC"),  # a proprietor, firm or company
                    rng.choice(ascii_uppercase),
                    *rng.choices(digits, k=4),
                    rng.choice(ascii_uppercase),
                ]
            )
            if iec not in self.iecs:
                self.iecs.add(iec)
                return iec


def make_people(writer, directory, count, seed):
    rng = random.Random(f"{seed}:people")
    organisations = directory.organisations
    weights = [STAFF_WEIGHTS[group] for _pk, group, _country, _state in organisations]
    employers = rng.choices(organisations, weights=weights, k=count)
    directory.first_person = next_id(Person)

    def rows():
        for n, (organisation, group, country, state) in enumerate(employers):
            first_names, surnames, languages = _NAMES.get(country, _NAMES[None])
            woman = rng.random() < WOMEN
            first = rng.choice(first_names[woman])
            last = rng.choice(surnames)
            names = {lang: f"{first[lang]} {last[lang]}" for lang in languages}
            designation = rng.choice(
                words.DESIGNATIONS.get((group, country), words.DESIGNATIONS["firm", None])
            )
            directory.person_organisation.append(organisation)
            directory.person_designation.append(designation)
            if group == "official":
                for key in (state, country):
                    directory.officials.setdefault(key, []).append(n)
            email = ""
            if rng.random() < WITH_EMAIL:
                email = f"{slugify(anyascii(names['en'])).replace('-', '.')}.{n}@example.org"
            yield {
                "id": directory.first_person + n,
                "honorific": _honorific(rng, country, woman),
                "organisation_id": organisation,
                "service": "IAS" if designation["en"] in IAS_POSTS else "",
                "email": email,
                **translated("name", names),
                **translated("designation", designation),
            }

    writer.insert(Person, rows())


# First names (men's, women's), surnames and languages, by country; others' by None.
_NAMES = {
    "IN": ((words.INDIAN_MEN, words.INDIAN_WOMEN), words.INDIAN_SURNAMES, words.INDIA),
    "IR": ((words.IRANIAN_MEN, words.IRANIAN_WOMEN), words.IRANIAN_SURNAMES, words.IRAN),
    None: ((words.FOREIGN_MEN, words.FOREIGN_WOMEN), words.FOREIGN_SURNAMES, ("en",)),
}


def _honorific(rng, country, woman):
    Honorific = Person.Honorific
    if rng.random() < DOCTORS:
        return Honorific.DR
    if country == "IN":
        return pick(rng, {Honorific.SMT: 2, Honorific.SUSHRI: 1}) if woman else Honorific.SHRI
    return Honorific.MS if woman else Honorific.MR
