from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and outcomes")

    def ready(self):
        from portal import page_cache

        from . import summaries

        # The page cache's first: its content version row orders concurrent changes.
        page_cache.connect_signals()
        summaries.connect_signals()
