"""Changes to published events, kept for a publisher's approval."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import Event


class EventRevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=EventRevision.Status.PENDING)


class EventRevision(models.Model):
    """A change to a published event proposed by an official who may not publish.

    The event stays as it was, on every public page too, until a publisher of
    its scope approves the change (which is then saved as if they had made
    it) or rejects it with a reason. `data` is the event page's form as it
    was posted, so that approving it goes through every check a save does,
    the version check included: a change proposed before someone else saved
    the event cannot be approved over theirs.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("event")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposed_revisions",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True, db_index=True)
    data = models.JSONField(_("the change as posted"), editable=False)
    # The fields the official's form had (not the publication state, for
    # one): a publisher's form, which has more, takes only these from `data`.
    form_fields = models.JSONField(default=list, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_revisions",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = EventRevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("change waiting for approval")
        verbose_name_plural = _("changes waiting for approval")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self):
        return f"{self.event.title} ({self.proposed_at:%Y-%m-%d %H:%M})"
