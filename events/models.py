"""What happened: schemes, events, their sessions and roles, MoUs, B2B meetings."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orgs.models import (
    Country,
    Organisation,
    Person,
    Region,
    Sector,
    TimeStamped,
    TranslatedRecord,
    Versioned,
)
from orgs.validators import (
    validate_currency_code,
    validate_gregorian_date,
    validate_upload_size,
)


class Scheme(TranslatedRecord):
    """A government scheme events are held under: RAMP, ODOP, ..."""

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schemes",
        verbose_name=_("owning organisation"),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    required_translated = ("name",)
    slug_source = ("acronym", "name")

    class Meta:
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes")
        ordering = ["name"]

    def __str__(self):
        return f"{self.acronym}: {self.name}" if self.acronym else self.name

    def translations(self, field):
        # The acronym is not translated but serves as a slug source.
        if field == "acronym":
            return {"en": self.acronym} if self.acronym else {}
        return super().translations(field)


class Qualifier(models.TextChoices):
    """How exact a reported figure is: reports say "more than 500"."""

    EXACT = "exact", pgettext_lazy("figure qualifier", "exactly")
    AT_LEAST = "at_least", pgettext_lazy("figure qualifier", "more than")
    ABOUT = "about", pgettext_lazy("figure qualifier", "about")


def figure_fields(verbose_name):
    """A headline figure and its qualifier, as a pair of model fields."""
    return (
        models.PositiveIntegerField(verbose_name, null=True, blank=True),
        models.CharField(
            _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
        ),
    )


# An event's last day, and for one whose dates are still to be announced the
# end of time: upcoming, past and the list's ordered walk then compare one
# expression, which the indexes below hold (an OR with "start_date IS NULL"
# could not be answered from an index).
LAST_DAY = Coalesce("end_date", "start_date", Value(datetime.date.max))


class EventQuerySet(models.QuerySet):
    """The questions the portal asks of events.

    Timing is derived from the dates and today, never stored. An event whose
    dates are to be announced counts as upcoming.
    """

    def published(self):
        return self.filter(status=Event.Status.PUBLISHED)

    def _with_last_day(self):
        return self.annotate(last_day=LAST_DAY)

    def upcoming(self):
        return self._with_last_day().filter(last_day__gte=timezone.localdate())

    def ongoing(self):
        today = timezone.localdate()
        return self._with_last_day().filter(start_date__lte=today, last_day__gte=today)

    def past(self):
        return self._with_last_day().filter(last_day__lt=timezone.localdate())

    def ending_on_or_after(self, day):
        """Events on or after `day`, by their last day; not those with dates to be announced."""
        # By LAST_DAY, which the listing index holds, rather than by either date.
        return self._with_last_day().filter(last_day__gte=day, start_date__isnull=False)

    def in_region(self, region):
        """Events in a region; a state includes its districts."""
        return self.filter(Q(region=region) | Q(region__parent=region))

    def for_listing(self):
        return self.select_related("country", "region", "region__parent").prefetch_related(
            "schemes"
        )


class Event(Versioned, TranslatedRecord, TimeStamped):
    class Kind(models.TextChoices):
        BUYER_SELLER_MEET = "buyer_seller_meet", _("Buyer-seller meet")
        WORKSHOP = "workshop", _("Workshop")
        REVIEW_MEETING = "review_meeting", _("Review meeting")
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        EXHIBITION = "exhibition", _("Exhibition")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        TRAINING = "training", _("Training")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        validators=[validate_gregorian_date],
        help_text=_("Leave empty if the dates are to be announced."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        validators=[validate_gregorian_date],
        help_text=_("Leave empty for a one-day event."),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("state / district"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="events", verbose_name=_("country")
    )
    schemes = models.ManyToManyField(
        Scheme, blank=True, related_name="events", verbose_name=_("schemes")
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="events", verbose_name=_("sectors")
    )
    target_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="targeted_by_events",
        verbose_name=_("target countries"),
        help_text=_("The export markets the event is aimed at."),
    )
    organisers = models.ManyToManyField(
        Organisation,
        through="EventOrganiser",
        related_name="events",
        verbose_name=_("organisers"),
    )
    status = models.CharField(
        _("publication"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # How to take part.
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(
        _("registration deadline"), null=True, blank=True, validators=[validate_gregorian_date]
    )
    contact_desk = models.CharField(
        _("contact desk"),
        max_length=250,
        blank=True,
        help_text=_("The organiser's public desk for this event, e.g. “MSSIDC export cell”."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    # Where the record comes from.
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_language = models.CharField(
        _("language of the source"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    cover_image = models.ImageField(
        _("cover image"), upload_to="events/", blank=True, validators=[validate_upload_size]
    )
    # Headline figures, as reported.
    participants, participants_qualifier = figure_fields(_("participants"))
    msmes, msmes_qualifier = figure_fields(_("MSMEs"))
    foreign_buyers, foreign_buyers_qualifier = figure_fields(_("foreign buyers"))
    buyer_countries, buyer_countries_qualifier = figure_fields(_("buyer countries"))
    b2b_meetings, b2b_meetings_qualifier = figure_fields(_("B2B meetings"))
    mous, mous_qualifier = figure_fields(_("MoUs"))

    FIGURES = ("participants", "msmes", "foreign_buyers", "buyer_countries", "b2b_meetings", "mous")

    # Every language's title, venue, city and place, folded (portal.text_search)
    # so that one `contains` per word finds an event however it was typed;
    # written on save (TranslatedRecord.searchable_fields).
    search_text = models.TextField(editable=False, default="")

    objects = EventQuerySet.as_manager()

    required_translated = ("title",)
    slug_source = ("title",)
    searchable_fields = ("title", "venue", "city", "description")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").desc(nulls_first=True), "pk"]
        indexes = [
            # The upcoming list walks this in date order, skipping past
            # events inside the index rather than reading their rows.
            models.Index(F("start_date"), LAST_DAY, name="event_dates"),
            # Counts and facets of published events, upcoming or past, read
            # from the index alone: event rows are wide (four languages of
            # description), and reading ten thousand of them is the cost.
            # The dates are included because PostgreSQL answers from an
            # expression index only when the columns under it are there too.
            models.Index(
                F("status"),
                LAST_DAY,
                include=["id", "start_date", "end_date", "kind", "region", "country"],
                name="event_listing",
            ),
        ]
        # Reports cover every model; the permission sits on the main one.
        permissions = [
            ("export_reports", _("Can export reports")),
            ("publish_event", _("Can publish and unpublish events")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        when = self.start_date.isoformat() if self.start_date else _("dates to be announced")
        return f"{self.title} ({when})"

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.end_date and not self.start_date:
            raise ValidationError({"start_date": _("Give the start date too, or neither date.")})
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.region_id and self.region.country_id != self.country_id:
            raise ValidationError({"region": _("Choose a region of the event's country.")})

    @property
    def timing(self):
        """ "upcoming", "ongoing", "past", or "tba" when the dates are not known."""
        if not self.start_date:
            return "tba"
        today = timezone.localdate()
        if (self.end_date or self.start_date) < today:
            return "past"
        return "ongoing" if self.start_date <= today else "upcoming"

    def figures(self):
        """The reported headline figures: (label, value, qualifier)."""
        return [
            (
                self._meta.get_field(name).verbose_name,
                getattr(self, name),
                getattr(self, f"{name}_qualifier"),
            )
            for name in self.FIGURES
            if getattr(self, name) is not None
        ]


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
            # whether a year, month or day holds any (events.admin_lists).
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


class ContentVersion(models.Model):
    """How many times the portal's content has changed: the public page cache's key.

    One row, bumped in the same transaction as each change (portal.page_cache),
    so every process sees the new version exactly when it sees the change.
    """

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)


# The statistics page's summaries, written by events.summaries on every change
# and read by events.stats: what it adds up over a hundred thousand events and
# a million meetings, in tables of a few thousand rows. They are keyed by the
# events' last day (or its month), so that "held before today" stays a filter
# on the key as the days pass, with nothing written.


def summed_figure_fields():
    """A reported figure summed over events: the sum (None when no event
    reported it), how many events reported it, and how many of those said
    "more than" and "about"."""
    return (
        models.PositiveIntegerField(null=True),
        models.PositiveIntegerField(default=0),
        models.PositiveIntegerField(default=0),
        models.PositiveIntegerField(default=0),
    )


class StatsDay(models.Model):
    """The published events whose last day is `day` and that began in
    `year`'s `quarter`: their number, the sums of their reported figures,
    and the B2B meetings and MoUs recorded for them."""

    FIGURES = ("msmes", "foreign_buyers", "b2b_meetings", "mous")

    day = models.DateField()
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    events = models.PositiveIntegerField(default=0)
    msmes_sum, msmes_reported, msmes_at_least, msmes_about = summed_figure_fields()
    (
        foreign_buyers_sum,
        foreign_buyers_reported,
        foreign_buyers_at_least,
        foreign_buyers_about,
    ) = summed_figure_fields()
    (
        b2b_meetings_sum,
        b2b_meetings_reported,
        b2b_meetings_at_least,
        b2b_meetings_about,
    ) = summed_figure_fields()
    mous_sum, mous_reported, mous_at_least, mous_about = summed_figure_fields()
    meetings_recorded = models.PositiveIntegerField(default=0)
    meetings_held = models.PositiveIntegerField(default=0)
    mous_recorded = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "year", "quarter"], name="stats_day_once")
        ]

    def __str__(self):
        return f"{self.day} ({self.year} Q{self.quarter}): {self.events}"


class StatsKindMonth(models.Model):
    """The published events of a kind whose last day falls in `month` (its first day).

    By month, not day: per day there would be nearly a row per event.
    """

    month = models.DateField()
    kind = models.CharField(max_length=20)  # an Event.Kind
    events = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "kind"], name="stats_kind_month_once")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.kind}: {self.events}"


class StatsRegionMonth(models.Model):
    """The published events in a region (None: not given) whose last day falls in `month`.

    By region, not state, so that a district moved to another state needs no rewrite.
    """

    month = models.DateField()
    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, related_name="+")
    events = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["month"], name="stats_region_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.region_id}: {self.events}"


class StatsBuyer(models.Model):
    """A foreign buyer's first day: the last day of the first published event
    at which it held a B2B meeting, not being from the event's country.

    A count of distinct buyers cannot be added up from days, so each buyer
    has a row, counted once its first day is past.
    """

    buyer = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    first_day = models.DateField()

    def __str__(self):
        return f"{self.buyer_id} ({self.country_id}): {self.first_day}"


class MoURegisterCount(models.Model):
    """How many public MoUs (events.mou_selectors.public_mous) a party or a
    sector has: the unfiltered MoU register's party and sector facets.

    Counted over every public MoU, these were most of the register's time.
    Only the parties the facet reads are kept (top_party_counts), and so a
    hundred rows or so, rewritten whole by events.summaries when anything
    they count changes. `key` is a plain id, not a foreign key: a rewrite
    replaces the rows, and a cascade from a sector would delete them one by
    one through the page cache's signals.
    """

    class Facet(models.TextChoices):
        PARTY = "party"  # key: an Organisation
        SECTOR = "sector"  # key: a Sector

    facet = models.CharField(max_length=6, choices=Facet.choices)
    key = models.BigIntegerField()
    mous = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "key"], name="mou_register_count_once")
        ]

    def __str__(self):
        return f"{self.facet} {self.key}: {self.mous}"


class EventListCounts(models.Model):
    """The default event list's count and facet counts (events.list_counts).

    One row: the counts of the upcoming published events as of `day`, at
    content version `version`. Any change to the content bumps the version,
    and the next visitor of the list recounts; until then every visitor
    reads the counts here instead of grouping thousands of events by their
    link tables.
    """

    day = models.DateField()
    version = models.PositiveBigIntegerField()
    counts = models.JSONField()

    def __str__(self):
        return f"{self.day} v{self.version}"
