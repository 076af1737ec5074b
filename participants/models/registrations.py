"""Registration for a meet: its settings, its own questions, and each firm's registration.

The rules of places and the waiting list are in participants.registrations,
which writes every status change; the models hold what it decides.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.storage import private_storage
from portal.validators import validate_upload_size


def private_documents():
    """Where registrations' documents are kept: the private storage (portal.storage)."""
    return private_storage


class Kind(models.TextChoices):
    """Who takes part in a meet, each with places of their own."""

    SELLER = "seller", _("Seller (exporter)")
    BUYER = "buyer", _("Buyer")
    VISITOR = "visitor", _("Visitor")


class RegistrationSettings(models.Model):
    """How firms register for one event: when, how many of each kind, and who may."""

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="registration_settings",
        verbose_name=_("event"),
    )
    opens_at = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty to open registration once the event is published."),
    )
    closes_at = models.DateTimeField(_("registration closes"))
    seller_places = models.PositiveIntegerField(_("places for sellers"), default=0)
    buyer_places = models.PositiveIntegerField(_("places for buyers"), default=0)
    visitor_places = models.PositiveIntegerField(_("places for visitors"), default=0)
    approval_required = models.BooleanField(
        _("organisers approve each registration"),
        default=True,
        help_text=_("Otherwise a registration that finds a free place is approved at once."),
    )
    sellers_need_iec = models.BooleanField(
        _("sellers must have an IEC"),
        default=False,
        help_text=_("The Importer-Exporter Code on the firm's record."),
    )
    sellers_need_udyam = models.BooleanField(
        _("sellers must have a Udyam registration"), default=False
    )
    document_required = models.CharField(
        _("document every registration must attach"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “RCMC certificate”. Leave empty if none is needed."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to take up an offered place"),
        default=48,
        help_text=_("A place offered from the waiting list goes to the next firm after this."),
    )

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")

    def __str__(self):
        return str(self.event)

    def places(self, kind):
        return getattr(self, f"{kind}_places")

    @property
    def kinds(self):
        """The kinds of participant the meet has places for."""
        return [kind for kind in Kind if self.places(kind)]


class RegistrationQuestion(models.Model):
    """A question of the event's own, asked of those who register."""

    class Answer(models.TextChoices):
        TEXT = "text", _("Text")
        YES_NO = "yes_no", _("Yes or no")
        CHOICE = "choice", _("One of a list")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registration_questions",
        verbose_name=_("event"),
    )
    text = models.CharField(_("question"), max_length=250)
    answer = models.CharField(
        _("answer"), max_length=10, choices=Answer.choices, default=Answer.TEXT
    )
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For “one of a list”: one choice per line.")
    )
    required = models.BooleanField(_("required"), default=False)
    kinds = models.JSONField(
        _("asked of"),
        default=list,
        blank=True,
        help_text=_("Kinds of participant asked; empty: all."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["event", "position", "pk"]

    def __str__(self):
        return self.text

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def asks(self, kind):
        return not self.kinds or kind in self.kinds


class RegistrationQuerySet(models.QuerySet):
    def holding_places(self):
        """Those that take one of the meet's places."""
        return self.filter(status__in=Registration.HOLDING)

    def active(self):
        return self.exclude(status__in=Registration.ENDED)


class Registration(models.Model):
    """A firm's registration for an event, made by one of its participants.

    Deleting the participant's account keeps the registration, anonymised
    (no user, no contact): the meet's records and figures stay whole.
    """

    Kind = Kind

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WAITLISTED = "waitlisted", _("On the waiting list")
        OFFERED = "offered", _("Offered a place")
        CANCELLED = "cancelled", _("Cancelled")

    # A received registration waits for the organisers with its place kept;
    # an offered one keeps it until the participant answers.
    HOLDING = (Status.RECEIVED, Status.APPROVED, Status.OFFERED)
    ENDED = (Status.REJECTED, Status.CANCELLED)

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("event"),
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("firm"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("registered by"),
    )
    kind = models.CharField(_("taking part as"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Told to the participant with a rejection.")
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    document = models.FileField(
        _("document"),
        upload_to="registrations/",
        storage=private_documents,
        blank=True,
        validators=[validate_upload_size],
    )
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    changed_at = models.DateTimeField(_("status changed on"), auto_now=True)
    offered_until = models.DateTimeField(_("offer open until"), null=True, blank=True)
    reminded = models.BooleanField(default=False, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # A firm registers once for a meet; after a cancellation or a
            # rejection it may register again.
            models.UniqueConstraint(
                fields=["event", "organisation"],
                condition=~Q(status__in=["rejected", "cancelled"]),
                name="registration_one_active_per_firm",
            ),
        ]
        indexes = [models.Index(fields=["event", "kind", "status"], name="registration_places")]

    def __str__(self):
        return f"{self.organisation}: {self.event}"

    @property
    def holds_place(self):
        return self.status in self.HOLDING

    @property
    def ended(self):
        return self.status in self.ENDED
