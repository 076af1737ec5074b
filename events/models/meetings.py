"""B2B meetings between a buyer and a seller at an event."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orgs.models import Organisation
from portal.models import TimeStamped

from .agreements import MoU, Valued
from .events import Event


class B2BMeeting(Valued, TimeStamped):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")
        NO_SHOW = "no_show", _("No-show")

    class Outcome(models.TextChoices):
        NONE = "none", pgettext_lazy("meeting outcome", "None")
        FOLLOW_UP = "follow_up", _("Follow-up")
        SAMPLE_ORDER = "sample_order", _("Sample order")
        ORDER = "order", pgettext_lazy("meeting outcome", "Order")
        MOU = "mou", _("MoU")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("event")
    )
    buyer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="meetings_as_buyer",
        verbose_name=_("buyer"),
    )
    seller = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="meetings_as_seller",
        verbose_name=_("seller"),
    )
    starts_at = models.DateTimeField(_("time"))
    table = models.CharField(_("table"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=15, choices=Outcome.choices, default=Outcome.NONE
    )
    mou = models.ForeignKey(
        MoU,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("resulting MoU"),
    )

    class Meta(Valued.Meta):
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["event", "starts_at", "table", "pk"]
        # A cancelled meeting frees its slot, so it does not count as a booking.
        constraints = [
            *Valued.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(buyer=F("seller")),
                name="meeting_buyer_is_not_seller",
                violation_error_message=_("The buyer and the seller must be different."),
            ),
            models.UniqueConstraint(
                fields=["event", "buyer", "starts_at"],
                condition=~Q(status="cancelled"),
                name="meeting_buyer_booked_once",
                violation_error_message=_("This buyer already has a meeting at this time."),
            ),
            models.UniqueConstraint(
                fields=["event", "seller", "starts_at"],
                condition=~Q(status="cancelled"),
                name="meeting_seller_booked_once",
                violation_error_message=_("This seller already has a meeting at this time."),
            ),
        ]
        indexes = [
            models.Index(fields=["event", "starts_at"], name="meeting_event_time"),
            # The back-office list's date hierarchy: first and last meeting, and
            # whether a year, month or day holds any (backoffice.big_lists).
            models.Index(fields=["starts_at"], name="meeting_time"),
        ]

    def __str__(self):
        return f"{self.buyer} × {self.seller}"

    def clean(self):
        super().clean()
        if self.buyer_id and self.buyer_id == self.seller_id:
            raise ValidationError({"seller": _("The buyer and the seller must be different.")})
        # The booking constraints hold in the database; this puts their
        # message on the field the official has to change.
        if self.status != self.Status.CANCELLED and self.event_id and self.starts_at:
            same_slot = (
                B2BMeeting.objects.filter(event_id=self.event_id, starts_at=self.starts_at)
                .exclude(status=self.Status.CANCELLED)
                .exclude(pk=self.pk)
            )
            errors = {}
            if self.buyer_id and same_slot.filter(buyer_id=self.buyer_id).exists():
                errors["buyer"] = _("This buyer already has a meeting at this time.")
            if self.seller_id and same_slot.filter(seller_id=self.seller_id).exists():
                errors["seller"] = _("This seller already has a meeting at this time.")
            if errors:
                raise ValidationError(errors)
        if self.mou_id and self.outcome != self.Outcome.MOU:
            raise ValidationError(
                {"outcome": _("A meeting that led to an MoU has the outcome “MoU”.")}
            )
