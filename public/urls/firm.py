from django.urls import path
from django.utils.translation import gettext_lazy as _

from participants.firm_forms import ForeignBuyerForm, IndianFirmForm
from public.views import firm

app_name = "firm"

urlpatterns = [
    path("", firm.firm, name="firm"),
    path("claim/", firm.claim, name="claim"),
    path("join/", firm.join, name="join"),
    path(
        "new/",
        firm.create,
        {"form_class": IndianFirmForm, "heading": _("Enter your firm")},
        name="create",
    ),
    path(
        "new-buyer/",
        firm.create,
        {"form_class": ForeignBuyerForm, "heading": _("Enter your organisation (foreign buyer)")},
        name="create-buyer",
    ),
    path("profile/", firm.profile, name="profile"),
    path("hs-codes/", firm.hs_codes, name="hs-codes"),
    path("colleagues/", firm.colleagues, name="colleagues"),
    *(
        path(f"colleagues/<int:pk>/{action}/", firm.answer, {"action": action}, name=action)
        for action in ("approve", "refuse", "remove", "hand-over")
    ),
]
