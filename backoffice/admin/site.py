"""The site's own records in the back-office: the feedback visitors send,
and django-axes' login records with their columns named in every language."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from backoffice.dates import SolarHijriDates
from backoffice.translated import shown_date
from portal.models import Feedback

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoginAttemptAdmin(SolarHijriDates, AccessAttemptAdmin):
    """django-axes' own, but for its "status" column, which it leaves unnamed (English)."""

    @admin.display(description=_("status"))
    def status(self, obj):
        return super().status(obj)


@admin.register(Feedback)
class FeedbackAdmin(SolarHijriDates, admin.ModelAdmin):
    """Messages from the public contact page: read as sent, marked handled.

    What the visitor wrote cannot be changed; staff note what they did. A
    message received by post or telephone can be added by hand.
    """

    VISITOR_FIELDS = ("name", "email", "message", "page", "language", "created_at")

    list_display = (shown_date(Feedback, "created_at"), "name", "page", "language", "handled")
    list_filter = ("handled", "language")
    list_editable = ("handled",)
    search_fields = ("name", "email", "message", "page")
    date_hierarchy = "created_at"
    fields = (*VISITOR_FIELDS, "handled", "staff_notes")

    def get_readonly_fields(self, request, obj=None):
        return self.VISITOR_FIELDS if obj else ("created_at",)
