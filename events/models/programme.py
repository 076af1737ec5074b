"""Who organised an event and who did what at it: organisers, sessions, roles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orgs.models import Organisation, Person
from portal.models import TranslatedRecord

from .events import Event


class EventOrganiser(models.Model):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        PARTNER = "partner", _("Partner")
        SUPPORTER = "supporter", _("Supporter")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="organiser_links", verbose_name=_("event")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="event_links",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ORGANISER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"],
                name="event_organiser_once",
                violation_error_message=_("This organisation is already listed for the event."),
            )
        ]

    def __str__(self):
        # Also read where an organisation cannot be deleted: which event holds it.
        return f"{self.organisation} – {self.get_role_display()}, {self.event}"


class Session(TranslatedRecord):
    class Kind(models.TextChoices):
        INAUGURAL = "inaugural", _("Inaugural")
        TECHNICAL = "technical", _("Technical / guidance")
        B2B = "b2b", _("B2B meetings")
        VALEDICTORY = "valedictory", _("Valedictory")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=250, blank=True)
    topic = models.TextField(_("topic"), blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = pgettext_lazy("part of an event", "session")
        verbose_name_plural = pgettext_lazy("part of an event", "sessions")
        ordering = ["event", "order", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=False, ends_at__gte=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title or self.get_kind_display()


class EventRole(TranslatedRecord):
    class Role(models.TextChoices):
        CHIEF_GUEST = "chief_guest", _("Chief guest")
        PRESIDED = "presided", _("Presided")
        GUIDED = "guided", _("Guided")
        INAUGURATED = "inaugurated", _("Inaugurated")
        GUEST_OF_HONOUR = "guest_of_honour", _("Guest of honour")
        SPEAKER = "speaker", _("Speaker")
        PRESENTER = "presenter", _("Presented")
        VOTE_OF_THANKS = "vote_of_thanks", _("Vote of thanks")
        ATTENDED = "attended", _("Attended")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="roles", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="event_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=pgettext_lazy("part of an event", "session"),
    )
    topic = models.CharField(_("topic"), max_length=250, blank=True)
    designation = models.CharField(
        _("designation at the event"),
        max_length=250,
        blank=True,
        help_text=_("If left empty, the person's present designation is copied."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation at the event"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("role at the event")
        verbose_name_plural = _("roles at the event")
        ordering = ["event", "order", "pk"]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    def save(self, *args, **kwargs):
        # Keep the post as it stood at the event: people move on.
        if self.person_id and not self.translations("designation"):
            for lang, value in self.person.translations("designation").items():
                setattr(self, f"designation_{lang}", value)
        if self.person_id and not self.organisation_id:
            self.organisation_id = self.person.organisation_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.session_id and self.event_id and self.session.event_id != self.event_id:
            raise ValidationError({"session": _("Choose a session of this event.")})
