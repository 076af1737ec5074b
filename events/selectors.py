"""Reads the public pages need: the filtered, paginated event list and its facets."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .filters import EventFilter
from .models import Event

PAGE_SIZE = 20
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    children: list = field(default_factory=list)


@dataclass
class EventListing:
    filterset: EventFilter
    page: object
    facets: dict
    ignored: list

    @property
    def count(self):
        return self.page.paginator.count


def event_listing(*, params, page_size=PAGE_SIZE):
    """The published events `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404.
    """
    filterset = EventFilter(params, queryset=Event.objects.published())
    ignored = [
        _("%(filter)s: “%(value)s” is not a value we know, so it was ignored.")
        % {"filter": label, "value": value}
        for label, value in filterset.ignored
    ]
    paginator = Paginator(filterset.qs.for_listing(), page_size)
    number = params.get("page", "1")
    if not str(number).isdecimal():
        ignored.append(
            _("Page “%(value)s” is not a page number; showing the first page.") % {"value": number}
        )
        number = 1
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404(_("There is no such page of events.")) from error
    return EventListing(filterset, page, event_facets(filterset), ignored)


def _label(row, prefix, lang):
    """A translated name out of a values() row, falling back as the models do."""
    for code in [lang, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"]
    return ""


def _names(prefix):
    return [f"{prefix}_{code}" for code in LANGUAGE_CODES]


# For each facet: the field its value comes from, and the translated name columns.
FACET_FIELDS = {
    "kind": ("kind", None),
    "scheme": ("schemes__slug", "schemes__name"),
    "sector": ("sectors__slug", "sectors__name"),
    "country": ("country__code", "country__name"),
    "region": ("region__slug", "region__name"),
    "target_country": ("target_countries__code", "target_countries__name"),
    "organiser": ("organisers__slug", "organisers__name"),
}


def _filtered_without(filterset, facet):
    """The filterset's events with every filter applied but `facet`'s.

    Reuses the already validated values: no lookup runs twice.
    """
    events = filterset.queryset.all()
    for name, value in filterset.form.cleaned_data.items():
        if name not in (facet, "sort") and value not in (None, ""):
            events = filterset.filters[name].filter(events, value)
    return events


def event_facets(filterset):
    """How many events each choice of each facet would give, with the other filters kept.

    One grouped query per facet, whatever the number of events.
    """
    lang = get_language()
    params = filterset.data
    facets = {}
    for facet, (value_field, name_prefix) in FACET_FIELDS.items():
        columns = [value_field, *(_names(name_prefix) if name_prefix else [])]
        if facet == "region":
            columns += ["region__parent__slug", *_names("region__parent__name")]
        rows = (
            _filtered_without(filterset, facet)
            .order_by()
            .values(*columns)
            .annotate(n=Count("pk", distinct=True))
        )
        selected = params.get(facet)
        if facet == "region":
            facets[facet] = _region_facet(rows, selected, lang)
            continue
        choices = [
            FacetChoice(
                value=row[value_field],
                label=(
                    Event.Kind(row[value_field]).label
                    if facet == "kind"
                    else _label(row, name_prefix, lang)
                ),
                count=row["n"],
                selected=row[value_field] == selected,
            )
            for row in rows
            if row[value_field]
        ]
        facets[facet] = sorted(choices, key=lambda c: (-c.count, str(c.label)))
    return facets


def _region_facet(rows, selected, lang):
    """States with their events' count (their districts' included), each with its districts."""
    states = {}
    for row in rows:
        if not row["region__slug"]:
            continue
        state_slug = row["region__parent__slug"] or row["region__slug"]
        state_prefix = "region__parent__name" if row["region__parent__slug"] else "region__name"
        state = states.setdefault(
            state_slug,
            FacetChoice(state_slug, _label(row, state_prefix, lang), 0, state_slug == selected),
        )
        state.count += row["n"]
        if row["region__parent__slug"]:
            slug = row["region__slug"]
            state.children.append(
                FacetChoice(slug, _label(row, "region__name", lang), row["n"], slug == selected)
            )
    return sorted(states.values(), key=lambda c: (-c.count, c.label))
