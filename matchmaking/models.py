"""B2B matchmaking at a meet: its settings, the meetings firms ask for, and
when each firm is away.

The rules are in matchmaking.requests; the scheduler (scheduler.py) reads
a Problem made from these records and writes events.B2BMeeting rows.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class MatchmakingSettings(models.Model):
    """How a meet's B2B meetings are arranged: its hours, slots and tables."""

    class WhoRequests(models.TextChoices):
        BUYERS = "buyers", _("Buyers request sellers")
        BOTH = "both", _("Buyers and sellers request each other")
        ORGANISER = "organiser", _("Only the organisers match firms")

    class Mode(models.TextChoices):
        SCHEDULER = "scheduler", _("The organisers' scheduler assigns the slots")
        SELF_BOOKING = "self_booking", _("Firms book free slots themselves")

    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="matchmaking_settings",
        verbose_name=_("event"),
    )
    day_starts = models.TimeField(_("meetings start at"), default="10:00")
    day_ends = models.TimeField(_("meetings end at"), default="17:00")
    breaks = models.JSONField(
        _("breaks"),
        default=list,
        blank=True,
        help_text=_("Pairs of times with no meetings, e.g. [[“13:00”, “14:00”]]."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("length of a slot (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    tables = models.PositiveSmallIntegerField(_("tables"), default=10)
    reserved_tables = models.JSONField(
        _("reserved tables"),
        default=list,
        blank=True,
        help_text=_("Numbers of the tables kept free of scheduled meetings."),
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("most meetings per firm"), default=12, validators=[MinValueValidator(1)]
    )
    who_requests = models.CharField(
        _("who may request whom"),
        max_length=10,
        choices=WhoRequests.choices,
        default=WhoRequests.BUYERS,
    )
    mode = models.CharField(
        _("how slots are given"), max_length=15, choices=Mode.choices, default=Mode.SCHEDULER
    )
    requests_open = models.DateTimeField(_("requests open"), null=True, blank=True)
    requests_close = models.DateTimeField(_("requests close"), null=True, blank=True)
    max_open_requests = models.PositiveSmallIntegerField(
        _("most unanswered requests per firm"), default=20, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("matchmaking settings")
        verbose_name_plural = _("matchmaking settings")

    def __str__(self):
        return str(self.event)

    def clean(self):
        super().clean()
        if self.day_ends and self.day_starts and self.day_ends <= self.day_starts:
            raise ValidationError(
                {"day_ends": _("Meetings must end after they start.")}, code="day_ends"
            )
        bad = [
            n for n in self.reserved_tables if not (isinstance(n, int) and 1 <= n <= self.tables)
        ]
        if bad:
            raise ValidationError(
                {
                    "reserved_tables": _(
                        "Reserved tables must be numbers from 1 to the number of tables."
                    )
                },
                code="reserved_tables",
            )


class MeetingRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=MeetingRequest.Status.PENDING)


class MeetingRequest(models.Model):
    """A firm at a meet asks another to meet; the other accepts or declines.

    Both sides are registrations approved for the same meet. An accepted
    request is a meeting for the scheduler to place.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Priority(models.IntegerChoices):
        LOW = 1, _("Would be useful")
        MEDIUM = 2, _("Important")
        HIGH = 3, _("Essential")

    class DeclineReason(models.TextChoices):
        NOT_RELEVANT = "not_relevant", _("Not what we buy or sell")
        NO_CAPACITY = "no_capacity", _("We cannot take more orders now")
        MARKET = "market", _("Not a market we serve")
        ALREADY_PARTNER = "already_partner", _("We already work together")
        OTHER = "other", _("Another reason")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="meeting_requests",
        verbose_name=_("event"),
    )
    requester = models.ForeignKey(
        "participants.Registration",
        on_delete=models.CASCADE,
        related_name="requests_made",
        verbose_name=_("requested by"),
    )
    recipient = models.ForeignKey(
        "participants.Registration",
        on_delete=models.CASCADE,
        related_name="requests_received",
        verbose_name=_("requested of"),
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decline_reason = models.CharField(
        _("reason for declining"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    by_organiser = models.BooleanField(_("matched by the organisers"), default=False)
    created_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["event", "-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")), name="meeting_request_not_to_itself"
            ),
            # One live request from a firm to another (the rules,
            # matchmaking.requests, refuse one the other way round too).
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="meeting_request_one_live_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.requester.organisation} → {self.recipient.organisation}"


class Availability(models.Model):
    """The slots a registered firm is away for (the start times, ISO 8601, local)."""

    registration = models.OneToOneField(
        "participants.Registration",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="availability",
        verbose_name=_("registration"),
    )
    away = models.JSONField(_("away"), default=list, blank=True)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")

    def __str__(self):
        return str(self.registration)


class Placement(models.Model):
    """The B2B meeting the scheduler (or an organiser) gave an accepted request.

    A pinned placement (set by hand) or one already mailed to the firms is
    kept as it is when the scheduler runs again; the others are placed anew.
    """

    request = models.OneToOneField(
        MeetingRequest,
        on_delete=models.CASCADE,
        related_name="placement",
        verbose_name=_("meeting request"),
    )
    meeting = models.OneToOneField(
        "events.B2BMeeting",
        on_delete=models.CASCADE,
        related_name="placement",
        verbose_name=_("B2B meeting"),
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    notified = models.BooleanField(_("mailed to the firms"), default=False)
    # The follow-up rounds (FollowUp.ROUNDS) mailed to both sides so far.
    follow_ups_sent = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self):
        return str(self.meeting)

    @property
    def kept(self):
        return self.pinned or self.notified


class SchedulerRun(models.Model):
    """One run of the scheduler for a meet: its progress while it runs, its figures after."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="scheduler_runs",
        verbose_name=_("event"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=30)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The solver's last report: its phase, the meetings' weight reached, the
    # bound and the seconds spent. While it runs, the latest report is in the
    # cache (portal.progress), written from the solver's thread.
    progress = models.JSONField(_("progress"), default=dict, blank=True)
    requests = models.PositiveIntegerField(_("accepted requests"), default=0)
    placed = models.PositiveIntegerField(_("meetings placed"), default=0)
    objective = models.PositiveIntegerField(_("weight placed"), null=True, blank=True)
    bound = models.PositiveIntegerField(_("best possible weight"), null=True, blank=True)
    # {request id: reason code (matchmaking.reasons.Reason)} of those not placed.
    unplaced = models.JSONField(_("not placed"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.event}: {self.get_status_display()}"


class CheckIn(models.Model):
    """A firm's arrival at the meet, marked at the desk from its agenda's code."""

    registration = models.OneToOneField(
        "participants.Registration",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="check_in",
        verbose_name=_("registration"),
    )
    at = models.DateTimeField(_("arrived at"), auto_now_add=True)
    by = models.ForeignKey(
        "auth.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self):
        return str(self.registration)


class FollowUp(models.Model):
    """One side's word on a held meeting, asked by a signed link the day after
    the meet and again three and six months on."""

    class Side(models.TextChoices):
        BUYER = "buyer", _("Buyer")
        SELLER = "seller", _("Seller")

    class Outcome(models.TextChoices):
        # In the order of how far a meeting went; events.B2BMeeting keeps the furthest.
        NONE = "none", _("Nothing came of it")
        NEGOTIATING = "negotiating", _("Negotiating")
        ORDER = "order", _("An order")
        MOU = "mou", _("An MoU")

    ROUNDS = (0, 3, 6)  # months after the meet

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("meeting")
    )
    side = models.CharField(_("side"), max_length=6, choices=Side.choices)
    months = models.PositiveSmallIntegerField(_("months after the meet"), default=0)
    interest = models.PositiveSmallIntegerField(
        _("interest"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    answered_at = models.DateTimeField(_("answered on"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "side", "months"], name="follow_up_once_per_round"
            )
        ]

    def __str__(self):
        return f"{self.placement}: {self.get_side_display()}, {self.months}"
