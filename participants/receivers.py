"""The participants app's receivers.

- `settings_changed`: the content version (portal.page_cache), bumped when
  an event's registration settings change, so that the cached event page
  shows whether it takes registrations. Bumped once the change is
  committed, not in its transaction as content is: a registration holds
  its meet's settings locked (participants.registrations), and an
  official's save of the event takes the version's row before the
  settings', so each would wait for the other.

A registration bumps nothing: the places left are not part of the cached
page but read from the uncached places page (public.views.events.places).
Bumping the version at each registration emptied the whole page cache 186
times in a load test's rush of 200, and browsing ran uncached.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.page_cache import bump_content_version

from .models import RegistrationSettings


def settings_changed(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(bump_content_version)


def connect():
    uid = "registration_settings_changed"
    post_save.connect(settings_changed, sender=RegistrationSettings, dispatch_uid=uid)
    post_delete.connect(settings_changed, sender=RegistrationSettings, dispatch_uid=uid)
