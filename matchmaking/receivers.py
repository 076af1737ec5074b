"""The matchmaking app's receivers.

- `meeting_moving` (pre_save) and `meeting_moved` (post_save): a B2B meeting
  already told to its firms (Placement.notified) whose time or table an
  organiser changes is mailed to both again, once the change commits.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from events.models import B2BMeeting

from .models import Placement
from .notices import TOLD_WITH, tell

WATCHED = ("starts_at", "table")


def meeting_moving(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = B2BMeeting.objects.filter(pk=instance.pk).values(*WATCHED).first()
    instance._moved = bool(before) and any(
        before[name] != getattr(instance, name) for name in WATCHED
    )


def meeting_moved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created or not getattr(instance, "_moved", False):
        return
    placement = (
        Placement.objects.filter(meeting_id=instance.pk, notified=True)
        .select_related(*TOLD_WITH)
        .first()
    )
    if placement is not None:
        transaction.on_commit(lambda: tell(placement, changed=True))


def connect():
    pre_save.connect(meeting_moving, sender=B2BMeeting, dispatch_uid="b2b_meeting_moving")
    post_save.connect(meeting_moved, sender=B2BMeeting, dispatch_uid="b2b_meeting_moved")
