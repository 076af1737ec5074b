"""The participants app's receivers.

- `places_changed`: the content version (portal.page_cache), bumped when a
  registration or an event's registration settings change, so that the
  cached event page shows the places left as they are. Bumped once the
  change is committed, not in its transaction as content is: a registration
  holds its meet's settings locked (participants.registrations), and an
  official's save of the event takes the version's row before the
  settings', so each would wait for the other. A page rendered between the
  commit and the bump shows the new places already.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.page_cache import bump_content_version

from .models import Registration, RegistrationSettings


def places_changed(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(bump_content_version)


def connect():
    for model in (Registration, RegistrationSettings):
        uid = f"places_{model._meta.label_lower}"
        post_save.connect(places_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(places_changed, sender=model, dispatch_uid=uid)
