"""The participants app's receivers.

- `places_changed`: the content version (portal.page_cache), bumped when a
  registration or an event's registration settings change, so that the
  cached event page shows the places left as they are.
"""

from django.db.models.signals import post_delete, post_save

from portal.page_cache import bump_content_version

from .models import Registration, RegistrationSettings


def places_changed(sender, raw=False, **kwargs):
    if not raw:
        bump_content_version()


def connect():
    for model in (Registration, RegistrationSettings):
        uid = f"places_{model._meta.label_lower}"
        post_save.connect(places_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(places_changed, sender=model, dispatch_uid=uid)
