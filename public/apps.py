from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """What visitors see: pages, feeds, calendars, the API and the sitemap."""

    name = "public"
    verbose_name = _("Public portal")
