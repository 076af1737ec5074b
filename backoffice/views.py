from django.conf import settings
from django.views.i18n import JavaScriptCatalog


class AdminJavaScriptCatalog(JavaScriptCatalog):
    """The admin's JavaScript strings (calendar, clock, selection counter).

    Django's own Hindi and Marathi catalogues for them are mostly empty; the
    portal's djangojs catalogues in LOCALE_PATHS complete them, and being
    merged last, take precedence.
    """

    def get_paths(self, packages):
        return [*super().get_paths(packages), *settings.LOCALE_PATHS]
