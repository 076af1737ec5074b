"""The public organisation directory's filters: one FilterSet serves the list
and its facet counts, so a shared link means the same thing on both."""

import django_filters
from django.utils.translation import gettext_lazy as _

from portal.facets import Facet, StatesAndDistricts
from portal.filtering import PortalFilterSet, RecordFilter

from .models import Country, Organisation, Region, Sector


class PlaceAndSectorFilterSet(PortalFilterSet):
    """A list searched by its text and filtered by country, state or district
    (a state includes its districts) and sector: the directory's, the event list's."""

    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    country = RecordFilter(label=_("Country"), queryset=Country.objects.all(), to_field_name="code")
    region = RecordFilter(
        label=_("State / district"),
        to_field_name="slug",
        queryset=Region.objects.all(),
        method="in_region",
    )
    sector = RecordFilter(
        label=_("Sector"), field_name="sectors", to_field_name="slug", queryset=Sector.objects.all()
    )


def organisation_filter(label, field_name):
    """A filter by one organisation linked to the rows as `field_name`, named by its slug."""
    return RecordFilter(
        label=label,
        field_name=field_name,
        to_field_name="slug",
        queryset=Organisation.objects.all(),
    )


class OrganisationFilter(PlaceAndSectorFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organisation.Kind.choices)

    facets = (
        Facet("kind"),
        Facet("sector"),
        Facet("region", labels=StatesAndDistricts()),
        Facet("country"),
    )

    class Meta:
        model = Organisation
        fields = []
