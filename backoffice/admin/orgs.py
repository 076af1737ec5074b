from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backoffice.batch import SummariesOnceAdmin
from backoffice.importing import ImportAdminMixin
from backoffice.reports import EXPORT_ACTIONS
from backoffice.scoped import DirectoryAdmin
from backoffice.translated import FOLDED_SEARCH, TranslatedAdmin, translated
from events.exporters import OrganisationDirectory
from orgs.importers import OrganisationResource, PersonResource
from orgs.models import Country, Organisation, Person, Region, Sector


@admin.register(Country)
class CountryAdmin(TranslatedAdmin):
    list_display = ("code", "name")
    search_fields = ("code", *translated("name"))

    def get_readonly_fields(self, request, obj=None):
        # The ISO code is the key other records point at.
        return ("code",) if obj else ()


class StateFilter(admin.SimpleListFilter):
    """Filter by state: a state with its districts."""

    title = _("state / province")
    parameter_name = "state"
    region_path = "region"  # the lookup from the listed model to its Region

    def lookups(self, request, model_admin):
        states = Region.objects.filter(kind=Region.Kind.STATE).only("pk", "name")
        return [(state.pk, state.name) for state in states]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        path = self.region_path
        return queryset.filter(Q(**{path: self.value()}) | Q(**{f"{path}__parent": self.value()}))


@admin.register(Region)
class RegionAdmin(TranslatedAdmin):
    list_display = ("name", "kind", "parent", "country", "slug")
    list_filter = ("kind", "country")
    list_select_related = ("parent", "country")
    search_fields = ("slug", *translated("name"), *translated("parent__name"))
    autocomplete_fields = ("country", "parent")
    prepopulated_fields = {"slug": ("name_en",)}

    def get_queryset(self, request):
        # A district is shown with its state, in lists and autocompletes alike.
        return super().get_queryset(request).select_related("parent")


@admin.register(Sector)
class SectorAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *translated("name"))
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Organisation)
class OrganisationAdmin(SummariesOnceAdmin, ImportAdminMixin, DirectoryAdmin, TranslatedAdmin):
    resource_classes = [OrganisationResource]
    list_display = ("name", "acronym", "kind", "country", "region", "udyam_number", "iec")
    list_filter = ("kind", StateFilter, "country")
    list_select_related = ("country", "region", "region__parent")
    search_fields = ("acronym", "udyam_number", "iec", "slug", FOLDED_SEARCH)
    autocomplete_fields = ("parent", "country", "region", "sectors")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at", "updated_at")
    actions = EXPORT_ACTIONS
    exporter = OrganisationDirectory  # what "export selected" writes


@admin.register(Person)
class PersonAdmin(ImportAdminMixin, DirectoryAdmin, TranslatedAdmin):
    resource_classes = [PersonResource]
    list_display = ("__str__", "designation", "organisation")
    list_filter = ("honorific",)
    list_select_related = ("organisation",)
    search_fields = (*translated("name"), *translated("designation"), "organisation__acronym")
    autocomplete_fields = ("organisation",)
    readonly_fields = ("created_at", "updated_at")
