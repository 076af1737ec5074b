"""Back-office users: who works for which organisations, and their roles."""

from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from access.models import Membership
from backoffice.dates import SolarHijriDates


class MembershipInline(SolarHijriDates, admin.TabularInline):
    model = Membership
    autocomplete_fields = ("organisation",)
    extra = 0


admin.site.unregister(User)
# django-allauth's list of participants' e-mail addresses: a participant keeps
# theirs from their account page, and no official's work needs the list.
admin.site.unregister(EmailAddress)


@admin.register(User)
class PortalUserAdmin(SolarHijriDates, UserAdmin):
    inlines = (MembershipInline,)
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "roles")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())
