"""Schemes, series and events (their organisers, sessions and roles: programme.py)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from orgs.models import Country, Organisation, Region, Sector
from portal import l10n
from portal.models import TimeStamped, TranslatedRecord, Versioned
from portal.validators import validate_gregorian_date, validate_upload_size


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


class EventSeries(TranslatedRecord):
    """A meet held again and again under one name, each time an edition:
    "International Buyer-Seller Meet, Pune", its 1st, 2nd... edition."""

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    required_translated = ("name",)
    slug_source = ("name",)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:series", kwargs={"slug": self.slug})

    def next_edition(self):
        last = self.editions.aggregate(last=models.Max("edition"))["last"]
        return (last or 0) + 1


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


# Who buys and who sells at a meet's B2B meetings, unless the event says
# otherwise: foreign buyers and firms buy, MSMEs and other firms (exporters)
# sell; ministries, councils, chambers and the like do neither.
MEETING_BUYERS = [Organisation.Kind.FOREIGN_BUYER, Organisation.Kind.MSME, Organisation.Kind.OTHER]
MEETING_SELLERS = [Organisation.Kind.MSME, Organisation.Kind.OTHER]


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

    class Schedule(models.TextChoices):
        """Whether the event goes ahead as announced (schema.org's eventStatus)."""

        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        CANCELLED = "cancelled", _("Cancelled")
        MOVED_ONLINE = "moved_online", _("Moved online")

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
    schedule = models.CharField(
        _("event status"),
        max_length=12,
        choices=Schedule.choices,
        default=Schedule.SCHEDULED,
        db_index=True,
        help_text=_(
            "Whether the event goes ahead as announced. A rescheduled event keeps its "
            "previous dates below."
        ),
    )
    previous_start_date = models.DateField(
        _("previous start date"), null=True, blank=True, validators=[validate_gregorian_date]
    )
    previous_end_date = models.DateField(
        _("previous end date"), null=True, blank=True, validators=[validate_gregorian_date]
    )
    online_url = models.URLField(
        _("link to join online"),
        blank=True,
        help_text=_("For an online or hybrid event, or one moved online."),
    )
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="editions",
        verbose_name=_("series"),
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"), null=True, blank=True, validators=[MinValueValidator(1)]
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
    source_report = models.TextField(
        _("source report"),
        blank=True,
        help_text=_("The press note or news report the event was recorded from, as written."),
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

    # B2B meetings: how long each is unless told, and which kinds of
    # organisation buy and sell at them (empty: MEETING_BUYERS, MEETING_SELLERS).
    meeting_minutes = models.PositiveSmallIntegerField(
        _("length of a B2B meeting (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    meeting_buyer_kinds = models.JSONField(
        _("kinds of organisation that buy at its B2B meetings"), default=list, blank=True
    )
    meeting_seller_kinds = models.JSONField(
        _("kinds of organisation that sell at its B2B meetings"), default=list, blank=True
    )

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
                include=["id", "start_date", "end_date", "kind", "schedule", "region", "country"],
                name="event_listing",
            ),
            # An organisation's page lists its latest published events, as
            # organiser and through its people's roles: hundreds of links
            # each, joined to their event for its status and date alone,
            # from the index rather than the wide rows.
            models.Index(
                fields=["id"], include=["status", "start_date"], name="event_status_and_date"
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
            ),
            models.UniqueConstraint(
                fields=["series", "edition"],
                name="one_event_per_edition",
                violation_error_message=_("The series already has an event of this edition."),
            ),
        ]

    def __str__(self):
        # As the reader's date inputs write it: Solar Hijri on Persian pages.
        when = (
            l10n.typed_date(self.start_date, get_language())
            if self.start_date
            else _("dates to be announced")
        )
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
        errors = dict(self._schedule_errors())
        if bool(self.series_id) != bool(self.edition):
            field = "edition" if self.series_id else "series"
            errors[field] = _("Give both the series and the edition, or neither.")
        if errors:
            raise ValidationError(errors)

    def _schedule_errors(self):
        previous_start, previous_end = self.previous_start_date, self.previous_end_date
        if previous_end and not previous_start:
            yield "previous_start_date", _("Give the previous start date too, or neither date.")
        elif previous_end and previous_end < previous_start:
            yield "previous_end_date", _("The end date cannot be before the start date.")
        if self.schedule == self.Schedule.RESCHEDULED:
            if not previous_start:
                yield "previous_start_date", _("A rescheduled event keeps its previous dates.")
            elif not self.start_date:
                yield "start_date", _("Give the new dates of a rescheduled event.")
            elif (previous_start, previous_end) == (self.start_date, self.end_date):
                yield "start_date", _("The new dates are the previous ones.")

    @property
    def attendance(self):
        """Where one takes part: "offline", "online" or "mixed" (schema.org's modes)."""
        if self.schedule == self.Schedule.MOVED_ONLINE or self.format == self.Format.ONLINE:
            return "online"
        return "mixed" if self.format == self.Format.HYBRID else "offline"

    @property
    def timing(self):
        """ "upcoming", "ongoing", "past", or "tba" when the dates are not known."""
        if not self.start_date:
            return "tba"
        today = timezone.localdate()
        if (self.end_date or self.start_date) < today:
            return "past"
        return "ongoing" if self.start_date <= today else "upcoming"

    @property
    def meeting_length(self):
        return datetime.timedelta(minutes=self.meeting_minutes)

    @property
    def buyer_kinds(self):
        return self.meeting_buyer_kinds or MEETING_BUYERS

    @property
    def seller_kinds(self):
        return self.meeting_seller_kinds or MEETING_SELLERS

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
