from django.urls import path

from public.views import pages

app_name = "pages"

urlpatterns = [
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("contact/", pages.contact, name="contact"),
]
