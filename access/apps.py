from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def update_roles(sender, apps=None, **kwargs):
    from .roles import sync_roles

    # `flush` (transactional tests) sends the signal without a migration state.
    sync_roles(apps or global_apps)


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Access and roles")

    def ready(self):
        # After Django has created the permissions of every app (this app comes last).
        post_migrate.connect(update_roles, sender=self)
