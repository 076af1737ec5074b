from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from portal.page_cache import cache_public_page

from . import views

urlpatterns = [
    path("events/", cache_public_page(views.EventList.as_view()), name="api-events"),
    path(
        "events/<slug:slug>/",
        cache_public_page(views.EventDetail.as_view(), record=True),
        name="api-event",
    ),
    path(
        "organisations/",
        cache_public_page(views.OrganisationList.as_view()),
        name="api-organisations",
    ),
    path(
        "organisations/<slug:slug>/",
        cache_public_page(views.OrganisationDetail.as_view(), record=True),
        name="api-organisation",
    ),
    path("mous/", cache_public_page(views.MoUList.as_view()), name="api-mous"),
    path(
        "mous/<slug:slug>/",
        cache_public_page(views.MoUDetail.as_view(), record=True),
        name="api-mou",
    ),
    path("schema/", cache_public_page(SpectacularAPIView.as_view()), name="api-schema"),
]
