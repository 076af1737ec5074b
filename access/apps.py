from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def update_roles(sender, apps, **kwargs):
    from .roles import sync_roles

    sync_roles(apps)


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Access and roles")

    def ready(self):
        # After Django has created the permissions of every app (this app comes last).
        post_migrate.connect(update_roles, sender=self)
