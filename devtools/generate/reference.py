"""The places, sectors and schemes the generated records refer to.

They are the demo data's (events/demo_data.py), completed with the districts
and provinces of words.py. A record already in the database, found by its
slug, is used as it is; only the missing ones are written.
"""

from dataclasses import dataclass

from django.utils.text import slugify

from devtools import demo_data
from devtools.generate import words
from devtools.generate.records import next_id, translated
from events.models import Scheme
from orgs.models import Organisation, Region, Sector


@dataclass
class Place:
    """A district (or Iranian county), with what records made there need."""

    region: Region
    state: Region
    udyam_prefix: str  # "UDYAM-MH-07"; "" outside India
    languages: tuple  # the languages its records are written in
    source_language: str  # the language its reports are written in

    @property
    def country(self):
        return self.region.country_id


@dataclass
class Reference:
    places: list  # Place: every district, Indian then Iranian
    sectors: list  # Sector
    schemes: list  # Scheme


def ensure_reference(writer):
    states, districts = _region_specs()
    regions = _ensure_regions(writer, states, districts)
    numbers = {}  # districts seen so far, by state: a district's number in its Udyam prefix
    places = []
    for slug, state_slug, _names in districts:
        state = regions[state_slug]
        numbers[state_slug] = numbers.get(state_slug, 0) + 1
        code = words.UDYAM_STATE_CODES.get(state_slug)
        iranian = state.country_id == "IR"
        places.append(
            Place(
                region=regions[slug],
                state=state,
                udyam_prefix=f"UDYAM-{code}-{numbers[state_slug]:02d}" if code else "",
                languages=words.IRAN if iranian else words.INDIA,
                source_language=(
                    "fa" if iranian else "mr" if state_slug in words.MARATHI_STATES else "hi"
                ),
            )
        )
    return Reference(
        places=places, sectors=_ensure_sectors(writer), schemes=_ensure_schemes(writer)
    )


def _region_specs():
    """States as (slug, country, names) and districts as (slug, state slug, names)."""
    states = [(slug, "IN", names) for slug, names in demo_data.INDIAN_STATES.items()]
    districts = []
    for slug, data in demo_data.REGIONS.items():
        if data["kind"] == "district":
            districts.append((slug, data["parent"], data["name"]))
        elif data["country"] != "IN":
            states.append((slug, data["country"], data["name"]))
    for state, names in words.DISTRICTS.items():
        districts += [(slugify(name["en"]), state, name) for name in names]
    for province, counties in words.PROVINCES:
        province_slug = slugify(province["en"])
        states.append((province_slug, "IR", province))
        districts += [(slugify(county["en"]), province_slug, county) for county in counties]
    districts += [(slugify(county["en"]), "markazi", county) for county in words.MARKAZI_COUNTIES]
    return states, districts


def _ensure_regions(writer, states, districts):
    """Every region of the specs, by slug, written first if missing."""
    existing = set(Region.objects.values_list("slug", flat=True))
    _insert_regions(
        writer,
        [spec for spec in states if spec[0] not in existing],
        Region.Kind.STATE,
        lambda country: {"country_id": country, "parent_id": None},
    )
    state_ids = dict(Region.objects.filter(kind=Region.Kind.STATE).values_list("slug", "id"))
    countries = {slug: country for slug, country, _names in states}
    _insert_regions(
        writer,
        [spec for spec in districts if spec[0] not in existing],
        Region.Kind.DISTRICT,
        lambda state: {"country_id": countries[state], "parent_id": state_ids[state]},
    )
    slugs = [slug for slug, _other, _names in states + districts]
    return Region.objects.select_related("parent").in_bulk(slugs, field_name="slug")


def _insert_regions(writer, specs, kind, placed):
    """Regions of `specs` (slug, where, names), `placed(where)` giving their country and parent."""
    first = next_id(Region)
    writer.insert(
        Region,
        (
            {
                "id": first + n,
                "slug": slug,
                "kind": kind,
                **placed(where),
                **translated("name", names),
            }
            for n, (slug, where, names) in enumerate(specs)
        ),
    )


def _ensure_sectors(writer):
    existing = set(Sector.objects.values_list("slug", flat=True))
    first = next_id(Sector)
    missing = [(slug, data) for slug, data in demo_data.SECTORS.items() if slug not in existing]
    writer.insert(
        Sector,
        (
            {"id": first + n, "slug": slug, **translated("name", data["name"])}
            for n, (slug, data) in enumerate(missing)
        ),
    )
    return list(Sector.objects.filter(slug__in=demo_data.SECTORS).order_by("slug"))


def _ensure_schemes(writer):
    existing = set(Scheme.objects.values_list("slug", flat=True))
    owners = Organisation.objects.in_bulk(
        [data["owner"] for data in demo_data.SCHEMES.values() if "owner" in data],
        field_name="slug",
    )
    first = next_id(Scheme)
    missing = [(slug, data) for slug, data in demo_data.SCHEMES.items() if slug not in existing]
    writer.insert(
        Scheme,
        (
            {
                "id": first + n,
                "slug": slug,
                "acronym": data.get("acronym", ""),
                # The owner only if the demo data's organisation is there.
                "owner_id": owners[data["owner"]].pk if data.get("owner") in owners else None,
                **translated("name", data["name"]),
                **translated("description", data.get("description", {})),
            }
            for n, (slug, data) in enumerate(missing)
        ),
    )
    return list(Scheme.objects.filter(slug__in=demo_data.SCHEMES).order_by("slug"))
