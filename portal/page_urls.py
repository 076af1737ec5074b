from django.urls import path

from . import pages

app_name = "pages"

urlpatterns = [
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("contact/", pages.contact, name="contact"),
]
