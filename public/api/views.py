"""The API's views: lists with the public lists' filters and paging, records by slug.

Open data: anyone may read it, from any web page. `?lang=hi|mr|fa|en`
picks the language of the text (missing translations fall back as on the
pages). A filter value the portal does not know is left out and named in
`ignored` rather than failing the request; paging follows the pages' rules
(a page that is no page number shows the first, and is named; a page past
the end is a 404). No contact details of people are ever given.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, views
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from events.filters import EventFilter, MoUFilter
from events.models import Event, EventOrganiser, MoUParty
from events.mou_selectors import public_mous
from orgs.filters import OrganisationFilter
from orgs.selectors import listed
from portal.languages import LANGUAGE_CODES
from portal.listing import paginate

from . import serializers

PAGE_SIZE = 50

LANG = OpenApiParameter(
    "lang", str, enum=list(LANGUAGE_CODES), description="The language of the text (default en)."
)


class PublicFilters(DjangoFilterBackend):
    """The list's FilterSet, as on its page: a value it does not know is left
    out and named in `ignored`, not refused."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        view.ignored += [
            {"parameter": name, "value": value} for name, _label, value in filterset.ignored
        ]
        return filterset.qs


class PublicPaging(BasePagination):
    """The public lists' paging (portal.listing.paginate), PAGE_SIZE to a page."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request, self.view = request, view
        try:
            self.page, bad_page = paginate(queryset, request.GET, PAGE_SIZE, view.no_such_page)
        except Http404 as error:
            raise NotFound(view.no_such_page) from error
        if bad_page:
            view.ignored.append({"parameter": "page", "value": request.GET["page"]})
        return list(self.page.object_list)

    def _page_url(self, number):
        params = self.request.GET.copy()
        params["page"] = number
        return self.request.build_absolute_uri(f"?{params.urlencode()}")

    def get_paginated_response(self, data):
        page = self.page
        return Response(
            {
                "count": page.paginator.count,
                "next": self._page_url(page.next_page_number()) if page.has_next() else None,
                "previous": (
                    self._page_url(page.previous_page_number()) if page.has_previous() else None
                ),
                "ignored": self.view.ignored,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "properties": {
                "count": {"type": "integer"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "ignored": {
                    "type": "array",
                    "description": "The parameters left out because their value is unknown.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "parameter": {"type": "string"},
                            "value": {"type": "string"},
                        },
                    },
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "A page number from 1 (another value shows the first page).",
                "schema": {"type": "integer"},
            }
        ]


class OpenData(views.APIView):
    """Read by anyone, from any site, in the language `?lang=` asks for."""

    def dispatch(self, request, *args, **kwargs):
        self.ignored = []
        self.lang = request.GET.get("lang") or settings.LANGUAGE_CODE
        if self.lang not in LANGUAGE_CODES:
            self.ignored.append({"parameter": "lang", "value": self.lang})
            self.lang = settings.LANGUAGE_CODE
        with translation.override(self.lang):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Content-Language"] = self.lang
        return response


class OpenList(OpenData, generics.ListAPIView):
    filter_backends = [PublicFilters]
    pagination_class = PublicPaging


class OpenRecord(OpenData, generics.RetrieveAPIView):
    lookup_field = "slug"

    def get_object(self):
        try:
            return super().get_object()
        except Http404 as error:
            raise NotFound(self.no_such_record) from error


def published_events():
    # Prefetched into lists: read through its manager, each event's
    # prefetched rows would cost a new queryset, fifty events times three.
    return (
        Event.objects.published()
        .for_listing()
        .select_related("series")
        .prefetch_related(
            Prefetch("sectors", to_attr="sector_list"),
            Prefetch("target_countries", to_attr="target_country_list"),
            Prefetch(
                "organiser_links",
                EventOrganiser.objects.select_related("organisation"),
                to_attr="organiser_list",
            ),
        )
    )


def organisations():
    return listed().select_related("country", "region").prefetch_related("sectors")


def mous():
    parties = MoUParty.objects.select_related("organisation").order_by("order", "pk")
    return public_mous().select_related("event").prefetch_related(Prefetch("party_links", parties))


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="Published events"))
class EventList(OpenList):
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    no_such_page = _("There is no such page of events.")

    def get_queryset(self):
        return published_events()


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="A published event"))
class EventDetail(OpenRecord):
    serializer_class = serializers.EventDetailSerializer
    no_such_record = _("There is no published event at this address.")

    def get_queryset(self):
        return published_events()


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="The organisation directory"))
class OrganisationList(OpenList):
    serializer_class = serializers.OrganisationSerializer
    filterset_class = OrganisationFilter
    no_such_page = _("There is no such page of organisations.")

    def get_queryset(self):
        return organisations()


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="An organisation"))
class OrganisationDetail(OpenRecord):
    serializer_class = serializers.OrganisationDetailSerializer
    no_such_record = _("There is no organisation at this address.")

    def get_queryset(self):
        return organisations().select_related("parent")


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="The MoU register"))
class MoUList(OpenList):
    serializer_class = serializers.MoUSerializer
    filterset_class = MoUFilter
    no_such_page = _("There is no such page of MoUs.")

    def get_queryset(self):
        return mous()


@extend_schema_view(get=extend_schema(parameters=[LANG], summary="An MoU"))
class MoUDetail(OpenRecord):
    serializer_class = serializers.MoUDetailSerializer
    no_such_record = _("There is no public MoU at this address.")

    def get_queryset(self):
        return mous()


def error_as_json(exc, context):
    """A refused request as {"error": "..."}, in the request's language."""
    from rest_framework.views import exception_handler

    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"error": str(response.data["detail"])}
    return response
