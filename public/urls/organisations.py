from django.urls import path

from portal.page_cache import cache_public_page
from public.views import organisations as views

app_name = "orgs"

urlpatterns = [
    path("", cache_public_page(views.organisation_list), name="list"),
    path("<slug:slug>/", cache_public_page(views.organisation_detail, record=True), name="detail"),
]
