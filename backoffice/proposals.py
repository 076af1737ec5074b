"""A proposal read from a report (events.intake), as the back-office shows and uses it.

`items(proposal)` lists each proposed value with a key, the label of the
event's field it would fill, the value as the form will hold it, the spans of
the report it was read from and the reader's confidence; `marked(text, items)`
cuts the report into pieces, those read from marked with the items they gave;
`prefill(proposal, text, keep)` turns the values kept into the initial data of
the event's add form and of its organiser, session and role rows.

Nothing here writes: records come into being only when the add form is saved.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from babel.numbers import format_percent
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventOrganiser, EventRole, Qualifier, Scheme, Session
from orgs.models import Country, Organisation, Person, Region
from portal import l10n
from portal.templatetags.localise import figure as figure_text
from portal.text_search import fold

# The reader's qualifiers (the intake schema's) as the event's figures keep them:
# "more than" is the portal's AT_LEAST, which reads "more than"; "up to" has no
# qualifier of its own, and is kept as "about".
QUALIFIERS = {
    "exact": Qualifier.EXACT,
    "more_than": Qualifier.AT_LEAST,
    "at_least": Qualifier.AT_LEAST,
    "about": Qualifier.ABOUT,
    "up_to": Qualifier.ABOUT,
}
# The reader's roles that the portal names otherwise.
ROLES = {"present": EventRole.Role.ATTENDED, "presented": EventRole.Role.PRESENTER}


@dataclass
class Item:
    key: str  # what the page's checkbox posts
    label: str
    value: str
    spans: list = field(default_factory=list)
    confidence: float | None = None
    note: str = ""  # e.g. whether a person is in the directory
    mark: str = ""  # the id of the first piece of the report marked for it (`marked`)
    fills: bool = True  # False: a value the portal's records do not know (a scheme not on file)

    @property
    def anchor(self):
        return "proposed-" + self.key.replace(".", "-")

    @property
    def percent(self):
        """The reader's confidence, as a percentage in the page's digits."""
        if self.confidence is None:
            return ""
        lang = get_language()
        shown = format_percent(self.confidence, locale=l10n.babel_locale(lang))
        return l10n.digits(shown, lang)


def field_label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


def _date(value):
    # As the public pages write dates: in Persian, the Solar Hijri calendar.
    return l10n.date(datetime.date.fromisoformat(value), get_language())


def _scalar_value(name, value):
    """A scalar as the official reads it on the page."""
    if name == "title":
        return " / ".join(v for v in (value.get("original"), value.get("en")) if v)
    if name == "kind":
        return Event.Kind(value).label if value in Event.Kind.values else value
    if name in {"start_date", "end_date"}:
        return _date(value)
    if name == "country":
        country = Country.objects.filter(pk=value).first()
        return country.name if country else value
    return value


# The proposal's scalars, in the order of the event's form, and the field each fills.
SCALARS = {
    "title": "title",
    "kind": "kind",
    "start_date": "start_date",
    "end_date": "end_date",
    "venue": "venue",
    "city": "city",
    "state": "region",
    "country": "country",
}


def items(proposal):
    """Every value the reader proposes, in the order of the event's form."""
    evidence = proposal.get("evidence", {})
    known = Known.of(proposal)
    found = []
    for name, form_field in SCALARS.items():
        value = proposal.get(name)
        if value:
            item = Item(
                name,
                field_label(Event, form_field),
                _scalar_value(name, value),
                **_evidence(evidence.get(name)),
            )
            if name in ("kind", "state", "country") and not known.scalars[name]:
                _not_on_file(item)
            found.append(item)
    found += _listed(proposal, evidence, known)
    return found


def _not_on_file(item):
    item.fills = False
    item.note = _("not among the portal's records: choose it on the form yourself")
    return item


@dataclass
class Known:
    """What of a proposal the portal's records hold: {field: value for the form, or None}."""

    scalars: dict
    schemes: dict  # name as proposed -> Scheme pk
    countries: dict  # target country's code -> name

    @classmethod
    def of(cls, proposal):
        code = proposal.get("country")
        country = Country.objects.filter(pk=code).first() if code else None
        state = proposal.get("state")
        region = (
            Region.objects.filter(
                kind=Region.Kind.STATE, name_en__iexact=state, country_id=code
            ).first()
            if state and code
            else None
        )
        kind = proposal.get("kind")
        targets = Country.objects.filter(pk__in=proposal.get("target_countries", []))
        return cls(
            scalars={
                "kind": kind if kind in Event.Kind.values else None,
                "country": country and country.pk,
                "state": region and region.pk,
            },
            schemes=_schemes(proposal.get("schemes", [])),
            countries=dict(targets.values_list("pk", "name")),
        )


def _evidence(entry):
    entry = entry or {}
    return {"spans": entry.get("spans", []), "confidence": entry.get("confidence")}


def _listed(proposal, evidence, known):
    organisations = _by_slug(
        Organisation, [o.get("organisation") for o in proposal.get("organisers", [])]
    )
    for index, organiser in enumerate(proposal.get("organisers", [])):
        match = organisations.get(organiser.get("organisation"))
        yield Item(
            f"organisers.{index}",
            capfirst(EventOrganiser._meta.verbose_name),
            organiser["original"],
            **_evidence(organiser),
            note=_("in the directory: %(name)s") % {"name": match} if match else _("new"),
        )
    schemes = evidence.get("schemes", {})
    for index, scheme in enumerate(proposal.get("schemes", [])):
        item = Item(
            f"schemes.{index}",
            capfirst(Scheme._meta.verbose_name),
            scheme,
            **_evidence(schemes.get(scheme)),
        )
        yield item if scheme in known.schemes else _not_on_file(item)
    for name, figure in (proposal.get("figures") or {}).items():
        if figure and name in Event.FIGURES:
            qualifier = QUALIFIERS.get(figure["qualifier"], Qualifier.EXACT)
            yield Item(
                f"figures.{name}",
                field_label(Event, name),
                figure_text(figure["value"], qualifier),
                **_evidence(figure),
            )
    targets = evidence.get("target_countries", {})
    for code in proposal.get("target_countries", []):
        yield Item(
            f"target_countries.{code}",
            field_label(Event, "target_countries"),
            known.countries.get(code, code),
            **_evidence(targets.get(code)),
        )
    people = _people(proposal)
    for index, person in enumerate(proposal.get("people", [])):
        match = people.get(_person_key(person))
        role = _role(person)
        what = [EventRole.Role(role).label]
        if person.get("session") in Session.Kind.values:
            what.append(Session.Kind(person["session"]).label)
        shown = ", ".join(
            v for v in (person["name_original"], person.get("designation_original")) if v
        )
        yield Item(
            f"people.{index}",
            " – ".join(str(part) for part in what),
            shown,
            **_evidence(person),
            note=_("in the directory: %(name)s") % {"name": match} if match else _("new"),
        )


def _by_slug(model, slugs):
    return {
        record.slug: record for record in model.objects.filter(slug__in=[s for s in slugs if s])
    }


def _person_key(person):
    key = person.get("person")
    return int(key) if isinstance(key, int) or (isinstance(key, str) and key.isdecimal()) else None


def _people(proposal):
    keys = [_person_key(person) for person in proposal.get("people", [])]
    return Person.objects.in_bulk([key for key in keys if key])


def _role(person):
    role = ROLES.get(person.get("role"), person.get("role"))
    return role if role in EventRole.Role.values else EventRole.Role.ATTENDED


@dataclass
class Piece:
    id: str
    text: str
    items: list  # the items read from this piece of the report


def marked(text, found):
    """The report cut where spans start and end, each piece with the items read from it."""
    cuts = {0, len(text)}
    for item in found:
        for start, end in item.spans:
            cuts.update((max(0, start), min(len(text), end)))
    cuts = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = [item for item in found if any(s <= start and end <= e for s, e in item.spans)]
        piece = Piece(f"text-{len(pieces)}", text[start:end], covering)
        for item in covering:
            item.mark = item.mark or piece.id
        pieces.append(piece)
    return pieces


@dataclass
class Prefill:
    """The add form's initial data and its rows: {inline model: [row's initial data]}."""

    initial: dict
    rows: dict


def prefill(proposal, text, keep):
    """The event's add form filled with the values kept (their keys, as `items` gives them)."""
    keep = set(keep)
    lang = proposal.get("language") or "en"
    known = Known.of(proposal)
    initial = {"source_report": text, "source_language": lang, "status": Event.Status.DRAFT}
    initial.update(_scalars(proposal, keep, lang, text))
    # Kind, country and state, as the form's choices hold them.
    initial.update(
        {SCALARS[name]: value for name, value in known.scalars.items() if value and name in keep}
    )
    for name, figure in (proposal.get("figures") or {}).items():
        if figure and name in Event.FIGURES and f"figures.{name}" in keep:
            initial[name] = figure["value"]
            initial[f"{name}_qualifier"] = QUALIFIERS.get(figure["qualifier"], Qualifier.EXACT)
    schemes = [
        known.schemes[name]
        for i, name in enumerate(proposal.get("schemes", []))
        if f"schemes.{i}" in keep and name in known.schemes
    ]
    if schemes:
        initial["schemes"] = schemes
    codes = [c for c in known.countries if f"target_countries.{c}" in keep]
    if codes:
        initial["target_countries"] = codes
    people = [
        person for i, person in enumerate(proposal.get("people", [])) if f"people.{i}" in keep
    ]
    organisers = [
        organiser
        for i, organiser in enumerate(proposal.get("organisers", []))
        if f"organisers.{i}" in keep
    ]
    return Prefill(
        initial,
        {
            EventOrganiser: _organiser_rows(organisers),
            Session: [
                {"kind": kind, "order": order} for order, kind in enumerate(_sessions(people))
            ],
            EventRole: _role_rows(people, lang),
        },
    )


def _scalars(proposal, keep, lang, text):
    initial = {}
    kept = {name: proposal.get(name) for name in SCALARS if name in keep and proposal.get(name)}
    if "title" in kept:
        initial[f"title_{lang}"] = kept["title"].get("original")
        if kept["title"].get("en"):
            initial["title_en"] = kept["title"]["en"]
    for name in ("start_date", "end_date"):
        if name in kept:
            initial[name] = datetime.date.fromisoformat(kept[name])
    if "venue" in kept:
        initial[f"venue_{lang}"] = kept["venue"]
    if "city" in kept:
        # The English name, and the city as the report writes it.
        initial["city_en"] = kept["city"]
        spans = proposal.get("evidence", {}).get("city", {}).get("spans")
        if lang != "en" and spans:
            start, end = spans[0]
            initial[f"city_{lang}"] = text[start:end]
    return initial


def _schemes(names):
    """{name: Scheme pk} for the names that are a scheme's acronym, slug or name in
    any language, however typed."""
    wanted = {fold(name): name for name in names}
    found = {}
    for scheme in Scheme.objects.all():
        names = {
            fold(scheme.acronym),
            scheme.slug,
            *map(fold, scheme.translations("name").values()),
        }
        for folded in names & wanted.keys():
            found[wanted[folded]] = scheme.pk
    return found


def _organiser_rows(organisers):
    known = _by_slug(Organisation, [o.get("organisation") for o in organisers])
    return [
        _linked(
            {"role": EventOrganiser.Role.ORGANISER, "order": order},
            "organisation",
            known.get(organiser.get("organisation")),
            organiser["original"],
            organiser.get("en"),
        )
        for order, organiser in enumerate(organisers)
    ]


def _linked(row, field, match, name, name_en):
    """A row naming its directory record, or else the names of a new one to add on saving."""
    if match:
        row[field] = match.pk
    else:
        row.update(new_name=name, new_name_en=name_en or "")
    return row


def _sessions(people):
    """The sessions the people's roles were at, in the order the report names them."""
    return list(
        dict.fromkeys(p["session"] for p in people if p.get("session") in Session.Kind.values)
    )


def _role_rows(people, lang):
    known = _people({"people": people})
    rows = []
    for order, person in enumerate(people):
        row = {"role": _role(person), "order": order}
        if person.get("session") in Session.Kind.values:
            row["session_kind"] = person["session"]
        if person.get("designation_original"):
            row[f"designation_{lang}"] = person["designation_original"]
        match = known.get(_person_key(person))
        rows.append(_linked(row, "person", match, person["name_original"], person.get("name_en")))
    return rows
