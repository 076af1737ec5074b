from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """The demo data, the national dataset's generator and the benchmark.

    Commands for developers and the bench; nothing in the running portal imports them.
    """

    name = "devtools"
    verbose_name = _("Developer tools")
