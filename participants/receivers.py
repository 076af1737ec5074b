"""The participants app's receivers.

- `settings_changed`: the page cache's tags (portal.receivers) of an
  event's registration settings and of their event, whose page shows
  whether it takes registrations.

A registration bumps nothing: the places left are not part of the cached
page but read from the uncached places page (public.views.events.places).
Invalidating the cached pages at each registration emptied the whole page
cache 186 times in a load test's rush of 200, and browsing ran uncached.
"""

from django.db.models.signals import post_delete, post_save

from portal.receivers import pages_changed

from .models import RegistrationSettings


def settings_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        pages_changed(instance)


def connect():
    uid = "registration_settings_changed"
    post_save.connect(settings_changed, sender=RegistrationSettings, dispatch_uid=uid)
    post_delete.connect(settings_changed, sender=RegistrationSettings, dispatch_uid=uid)
