"""A read-only JSON API of published events: /api/events/ with the list's filters.

Open data: anyone may read it, from any web page. `?lang=hi|mr|fa|en`
picks the language of the text (missing translations fall back as on the
pages). A filter value the portal does not know is left out and named in
`ignored` rather than failing the request; a page past the end is a 404.
No contact details of people are ever given.
"""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from events.filters import EventFilter
from events.models import Event, EventOrganiser

PAGE_SIZE = 50
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _json(data, lang, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = lang
    return response


def _choice(value, choices):
    # Named as get_FOO_display() would (the value itself if it is no choice),
    # which makes every choice hashable anew on each call: a sixth of the
    # time of a page of events.
    return {"value": value, "label": str(dict(choices.choices).get(value, value))}


def _iso(value):
    return value.isoformat() if value else None


def _figure(event, name):
    """A headline figure as reported: {"value": 300, "qualifier": "at_least"}."""
    value = getattr(event, name)
    if value is None:
        return None
    return {"value": value, "qualifier": getattr(event, f"{name}_qualifier")}


def _event(event, request):
    region = event.region
    return {
        "slug": event.slug,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "title": event.title,
        "kind": _choice(event.kind, Event.Kind),
        "format": _choice(event.format, Event.Format),
        "start_date": _iso(event.start_date),
        "end_date": _iso(event.end_date),
        "timing": event.timing,
        "venue": event.venue or None,
        "city": event.city or None,
        "region": {"slug": region.slug, "name": region.name} if region else None,
        "country": {"code": event.country.code, "name": event.country.name},
        "schemes": [
            {"slug": scheme.slug, "acronym": scheme.acronym, "name": scheme.name}
            for scheme in event.schemes.all()
        ],
        "sectors": [{"slug": sector.slug, "name": sector.name} for sector in event.sector_list],
        "target_countries": [
            {"code": country.code, "name": country.name} for country in event.target_country_list
        ],
        "organisers": [
            {
                "slug": link.organisation.slug,
                "name": link.organisation.name,
                "role": _choice(link.role, EventOrganiser.Role),
            }
            for link in event.organiser_list
        ],
        # Every figure is listed, null when the report gives none, so that
        # each event has the same keys.
        "figures": {name: _figure(event, name) for name in Event.FIGURES},
        "updated_at": _iso(event.updated_at),
    }


def _page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"?{params.urlencode()}")


@require_safe
def event_list(request):
    lang = request.GET.get("lang") or settings.LANGUAGE_CODE
    ignored = []
    if lang not in LANGUAGE_CODES:
        ignored.append({"parameter": "lang", "value": lang})
        lang = settings.LANGUAGE_CODE
    with translation.override(lang):
        filterset = EventFilter(request.GET, queryset=Event.objects.published())
        ignored += [
            {"parameter": name, "value": value} for name, _label, value in filterset.ignored
        ]
        # Prefetched into lists: read through its manager, each event's
        # prefetched rows would cost a new queryset, fifty events times three.
        events = filterset.qs.for_listing().prefetch_related(
            Prefetch("sectors", to_attr="sector_list"),
            Prefetch("target_countries", to_attr="target_country_list"),
            Prefetch(
                "organiser_links",
                EventOrganiser.objects.select_related("organisation"),
                to_attr="organiser_list",
            ),
        )
        number = request.GET.get("page", "1")
        if not number.isdecimal():
            ignored.append({"parameter": "page", "value": number})
            number = 1
        try:
            page = Paginator(events, PAGE_SIZE).page(number)
        except InvalidPage:
            return _json({"error": _("There is no such page of events.")}, lang, status=404)
        return _json(
            {
                "count": page.paginator.count,
                "next": (_page_url(request, page.next_page_number()) if page.has_next() else None),
                "previous": (
                    _page_url(request, page.previous_page_number()) if page.has_previous() else None
                ),
                "ignored": ignored,
                "results": [_event(event, request) for event in page.object_list],
            },
            lang,
        )
