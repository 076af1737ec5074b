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
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_("Where they are: their meetings' times are also shown in it."),
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


class FirmMembership(models.Model):
    """A participant acting for an organisation of the directory.

    The first to claim or create a firm is its owner, approved at once; those
    who ask to join after are pending until an owner approves them.
    """

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Asked to join")
        APPROVED = "approved", _("Approved")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="firm_memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="firm_memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)

    class Meta:
        verbose_name = _("firm membership")
        verbose_name_plural = _("firm memberships")
        ordering = ["created_at", "pk"]
        constraints = [
            # A participant acts for one firm (the profile and, later, the
            # registrations are that firm's).
            models.UniqueConstraint(fields=["user"], name="firm_membership_one_per_user"),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(role="owner"),
                name="firm_membership_one_owner",
            ),
        ]

    def __str__(self):
        return f"{self.user.email}: {self.organisation}"
