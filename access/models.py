"""Who works for which organisation: the scope of a back-office user."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from orgs.models import Organisation


class Membership(models.Model):
    """A staff user works for an organisation and edits the events it organises.

    A member of an organisation also covers the bodies directly under it
    (a department's district offices, say).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("organisations this user works for")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="membership_once",
                violation_error_message=_("This user is already a member of the organisation."),
            )
        ]
        # Administrators are not bound to their organisations' events.
        permissions = [("all_organisations", _("Can see and edit every organisation's events"))]

    def __str__(self):
        return f"{self.user} – {self.organisation}"
