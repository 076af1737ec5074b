from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Participant(models.Model):
    """A public account's own data: an exporter or a buyer, not a member of staff.

    Made at sign-up (participants.adapter); a user without one (staff) cannot
    log in on the public pages.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participant"
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language the portal writes to them in."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.user.email


def is_participant(user):
    """Whether `user` has a public account: a Participant, and not staff."""
    return Participant.objects.filter(user_id=user.pk, user__is_staff=False).exists()
