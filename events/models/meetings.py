"""B2B meetings between a buyer and a seller at an event."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from orgs.models import Organisation
from portal import l10n
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

    # Meetings that hold no slot: their firms and table are free at that time.
    FREED = (Status.CANCELLED, Status.NO_SHOW)

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
    ends_at = models.DateTimeField(
        _("ends"),
        blank=True,
        help_text=_("Leave empty for a meeting of the event's usual length."),
    )
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
        constraints = [
            *Valued.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(buyer=F("seller")),
                name="meeting_buyer_is_not_seller",
                violation_error_message=_("The buyer and the seller must be different."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("A meeting ends after it starts."),
            ),
        ]
        # No firm and no table in two meetings at once: on PostgreSQL also
        # exclusion constraints (migration 0013, MEETING_EXCLUSIONS), which
        # Django's model state does not hold; clean() checks the same rule.
        indexes = [
            models.Index(fields=["event", "starts_at"], name="meeting_event_time"),
            # The back-office list's date hierarchy: first and last meeting, and
            # whether a year, month or day holds any (backoffice.big_lists).
            models.Index(fields=["starts_at"], name="meeting_time"),
        ]

    def __str__(self):
        return f"{self.buyer} × {self.seller}"

    def save(self, *args, **kwargs):
        if self.ends_at is None and self.starts_at and self.event_id:
            self.ends_at = self.starts_at + self.event.meeting_length
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        # A meeting is as long as its event's meetings unless told otherwise.
        if self.ends_at is None and self.starts_at and self.event_id:
            self.ends_at = self.starts_at + self.event.meeting_length
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        errors = {}
        for rule in (self._is_a_meeting_of_two_firms, self._is_within_the_event, self._is_free):
            for field, message in rule():
                errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    def _is_a_meeting_of_two_firms(self):
        if self.buyer_id and self.buyer_id == self.seller_id:
            yield "seller", _("The buyer and the seller must be different.")
        if self.event_id and self.buyer_id and self.buyer.kind not in self.event.buyer_kinds:
            yield (
                "buyer",
                _("A %(kind)s does not buy at this event's B2B meetings.")
                % {"kind": self.buyer.get_kind_display()},
            )
        if self.event_id and self.seller_id and self.seller.kind not in self.event.seller_kinds:
            yield (
                "seller",
                _("A %(kind)s does not sell at this event's B2B meetings.")
                % {"kind": self.seller.get_kind_display()},
            )
        if self.mou_id and self.outcome != self.Outcome.MOU:
            yield "outcome", _("A meeting that led to an MoU has the outcome “MoU”.")
        if self.mou_id and self.buyer_id and self.seller_id:
            parties = set(self.mou.party_links.values_list("organisation", flat=True))
            if not {self.buyer_id, self.seller_id} <= parties:
                yield "mou", _("The buyer and the seller must both be parties to the MoU.")

    def _is_within_the_event(self):
        if not (self.event_id and self.starts_at and self.ends_at):
            return
        if self.ends_at <= self.starts_at:
            yield "ends_at", _("A meeting ends after it starts.")
        event = self.event
        if not event.start_date:
            yield "starts_at", _("Give the event's dates before scheduling its meetings.")
            return
        first, last = event.start_date, event.end_date or event.start_date
        days = {timezone.localtime(moment).date() for moment in (self.starts_at, self.ends_at)}
        if min(days) < first or max(days) > last:
            yield (
                "starts_at",
                _("The meeting must fall within the event's days (%(days)s).")
                % {"days": l10n.date_range(first, last, get_language())},
            )

    def _is_free(self):
        """No firm and no table in two meetings at once (the database holds the
        same rule on PostgreSQL); a cancelled meeting, or one that was a
        no-show, frees its slot, which can then be given to another."""
        if self.status in self.FREED or not (self.event_id and self.starts_at and self.ends_at):
            return
        firms = {self.buyer_id, self.seller_id} - {None}
        same_time = (
            B2BMeeting.objects.filter(
                event_id=self.event_id, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at
            )
            .exclude(status__in=self.FREED)
            .exclude(pk=self.pk)
        )
        clashes = Q(buyer__in=firms) | Q(seller__in=firms)
        if self.table:
            clashes |= Q(table=self.table)
        busy_firms, busy_tables = set(), set()
        for buyer, seller, table in same_time.filter(clashes).values_list(
            "buyer", "seller", "table"
        ):
            busy_firms |= {buyer, seller} & firms
            busy_tables |= {table} & {self.table}
        if self.buyer_id in busy_firms:
            yield "buyer", _("This buyer already has a meeting at this time.")
        if self.seller_id in busy_firms:
            yield "seller", _("This seller already has a meeting at this time.")
        if busy_tables and self.table:
            yield "table", _("This table already has a meeting at this time.")
