"""MoUs, their parties, and the money value MoUs and meetings may carry."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from orgs.models import Organisation
from portal.models import TimeStamped, TranslatedRecord, Versioned
from portal.validators import validate_currency_code, validate_gregorian_date, validate_upload_size

from .events import Event


class Valued(models.Model):
    """An optional money value with its ISO 4217 currency."""

    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        validators=[validate_currency_code],
        help_text=_("ISO 4217 code, e.g. INR or USD."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=True) | ~Q(currency=""),
                name="%(app_label)s_%(class)s_value_has_currency",
                violation_error_message=_("Give the currency of the value."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="%(app_label)s_%(class)s_value_not_negative",
                violation_error_message=_("The value cannot be negative."),
            ),
        ]

    def clean_fields(self, exclude=None):
        # Currencies are typed by hand; accept "usd " for USD.
        self.currency = self.currency.strip().upper()
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if self.value is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the value.")})


class MoUQuerySet(models.QuerySet):
    def public(self):
        """The MoUs the public may see: all but those signed at an event still in draft."""
        # Leaving out the MoUs of the few unpublished events, found in their
        # partial index, rather than joining each MoU to its event: the events
        # table is the largest the register would read. NOT EXISTS rather than
        # NOT IN: it lets a page that needs a few MoUs (an organisation's) look
        # each up, where NOT IN made PostgreSQL read every MoU first.
        unpublished = Event.objects.filter(pk=OuterRef("event_id")).exclude(
            status=Event.Status.PUBLISHED
        )
        return self.filter(~Exists(unpublished))


class MoU(Versioned, Valued, TranslatedRecord, TimeStamped):
    class Status(models.TextChoices):
        SIGNED = "signed", _("Signed")
        UNDER_IMPLEMENTATION = "under_implementation", _("Under implementation")
        COMPLETED = "completed", _("Completed")
        LAPSED = "lapsed", _("Lapsed")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        # "agreements": Event.mous is the reported count.
        related_name="agreements",
        verbose_name=_("signed at event"),
    )
    parties = models.ManyToManyField(
        Organisation, through="MoUParty", related_name="mous", verbose_name=_("parties")
    )
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True, validators=[validate_gregorian_date]
    )
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.SIGNED, db_index=True
    )
    document = models.FileField(
        _("document"), upload_to="mous/", blank=True, validators=[validate_upload_size]
    )

    objects = MoUQuerySet.as_manager()

    required_translated = ("title",)
    slug_source = ("title",)
    # An MoU is between two or more organisations: the admin's party inline
    # and the MoU import both hold to it.
    MIN_PARTIES = 2
    too_few_parties_message = _("An MoU has at least two parties.")

    class Meta(Valued.Meta):
        verbose_name = _("MoU")
        verbose_name_plural = _("MoUs")
        ordering = [F("signed_on").desc(nulls_last=True), "pk"]

    def __str__(self):
        return self.title


class MoUParty(models.Model):
    class Role(models.TextChoices):
        PARTY = "party", _("Party")
        WITNESS = "witness", _("Witness")
        FACILITATOR = "facilitator", _("Facilitator")

    mou = models.ForeignKey(
        MoU, on_delete=models.CASCADE, related_name="party_links", verbose_name=_("MoU")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="mou_links",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTY)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mou", "organisation"],
                name="mou_party_once",
                violation_error_message=_("This organisation is already a party to the MoU."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()}"
