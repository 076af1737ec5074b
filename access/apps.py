from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def update_roles(sender, apps=None, **kwargs):
    from .roles import sync_roles

    # `flush` (transactional tests) sends the signal without a migration state.
    apps = apps or global_apps
    # Every app's permissions first, whichever apps come after this one:
    # Django creates them app by app, as each app's post_migrate is sent.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps)
    sync_roles(apps)


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = _("Access and roles")

    def ready(self):
        post_migrate.connect(update_roles, sender=self)
