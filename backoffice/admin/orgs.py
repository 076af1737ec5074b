from django.contrib import admin, messages
from django.db.models import Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from access import scope
from backoffice.batch import SummariesOnceAdmin
from backoffice.importing import ImportAdminMixin
from backoffice.reports import EXPORT_ACTIONS
from backoffice.scoped import DirectoryAdmin
from backoffice.translated import FOLDED_SEARCH, TranslatedAdmin, translated
from events.exporters import OrganisationDirectory
from orgs.importers import OrganisationResource, PersonResource
from orgs.models import Country, HSCode, Organisation, Person, Region, Sector
from participants.models import FirmMembership


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


@admin.register(HSCode)
class HSCodeAdmin(TranslatedAdmin):
    """Looked up, never edited: the Harmonized System is shipped data
    (orgs/data/hs_codes.csv), which a migration loads anew when it changes."""

    list_display = ("code", "name", "level")
    list_filter = ("level",)
    # By the start of the code, or by a word of a name in any language.
    search_fields = ("^code", FOLDED_SEARCH)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(SummariesOnceAdmin, ImportAdminMixin, DirectoryAdmin, TranslatedAdmin):
    resource_classes = [OrganisationResource]
    list_display = (
        "name", "acronym", "kind", "country", "region", "udyam_number", "iec", "verified"
    )  # fmt: skip
    # "Verified: No" lists the firms participants entered that await an official.
    list_filter = ("verified", "kind", StateFilter, "country")
    list_select_related = ("country", "region", "region__parent")
    search_fields = ("acronym", "udyam_number", "iec", "slug", FOLDED_SEARCH)
    autocomplete_fields = (
        "parent", "country", "region", "sectors", "hs_codes", "target_markets"
    )  # fmt: skip
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at", "updated_at", "firm_members")
    actions = (*EXPORT_ACTIONS, "verify")
    exporter = OrganisationDirectory  # what "export selected" writes

    @admin.display(description=_("Acting for it on the public pages"))
    def firm_members(self, organisation):
        """Participants who act for the firm, read-only: the owner answers
        requests to join on the public pages, not officials."""
        memberships = FirmMembership.objects.filter(organisation=organisation).select_related(
            "user"
        )
        return (
            format_html_join(
                "",
                "<p><bdi>{}</bdi>: {}, {}</p>",
                ((m.user.email, m.get_role_display(), m.get_status_display()) for m in memberships),
            )
            or None
        )

    @admin.action(description=_("Verify the selected organisations"), permissions=["change"])
    def verify(self, request, queryset):
        """Shows them on the public pages; those the user may not change are left as they are."""
        mine = queryset.filter(verified=False)
        if not scope.sees_everything(request.user):
            mine = mine.filter(scope.editable_organisations_q(request.user))
        verified = 0
        for organisation in mine:
            organisation.verified = True
            # One by one, so that each gets its history row and the page cache moves on.
            organisation.save(update_fields=["verified", "updated_at"])
            verified += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation verified.", "%(count)d organisations verified.", verified
            )
            % {"count": verified},
            messages.SUCCESS,
        )


@admin.register(Person)
class PersonAdmin(ImportAdminMixin, DirectoryAdmin, TranslatedAdmin):
    resource_classes = [PersonResource]
    list_display = ("__str__", "designation", "organisation")
    list_filter = ("honorific",)
    list_select_related = ("organisation",)
    search_fields = (*translated("name"), *translated("designation"), "organisation__acronym")
    autocomplete_fields = ("organisation",)
    readonly_fields = ("created_at", "updated_at")
