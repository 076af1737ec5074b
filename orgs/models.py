"""Who and where: countries, regions, sectors, organisations and people."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.models import TimeStamped, TranslatedRecord
from portal.validators import validate_upload_size

from .validators import normalise_identifier, validate_iec, validate_udyam_number


class Country(models.Model):
    """A country by its ISO 3166-1 alpha-2 code; names come from CLDR."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"
            )
        ]

    def __str__(self):
        return self.name


class Region(TranslatedRecord):
    """A state or province, or a district within one."""

    class Kind(models.TextChoices):
        STATE = "state", _("State / province")
        DISTRICT = "district", _("District")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="regions", verbose_name=_("country")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("state / province"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STATE)
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)

    required_translated = ("name",)
    slug_source = ("name",)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="state", parent__isnull=True))
                | (Q(kind="district", parent__isnull=False)),
                name="region_district_has_state",
                violation_error_message=_(
                    "A district belongs to a state; a state belongs to no other region."
                ),
            )
        ]

    def __str__(self):
        if self.parent_id:
            return f"{self.name}, {self.parent.name}"
        return self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.DISTRICT and not self.parent_id:
            raise ValidationError({"parent": _("Choose the state this district belongs to.")})
        if self.kind == self.Kind.STATE and self.parent_id:
            raise ValidationError({"parent": _("A state or province has no parent region.")})
        if self.parent_id and (
            self.parent.kind != self.Kind.STATE or self.parent.country_id != self.country_id
        ):
            raise ValidationError({"parent": _("Choose a state or province of the same country.")})


class Sector(TranslatedRecord):
    """A product group or sector: leather, gems and jewellery, textiles, ..."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)

    required_translated = ("name",)
    slug_source = ("name",)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class HSCode(models.Model):
    """A chapter (2 digits) or heading (4 digits) of the Harmonized System,
    by which a firm names its products and services.

    Shipped data (orgs/data/hs_codes.csv, loaded by orgs.hs_codes): not
    edited on the portal, so `search_text` is written by the loader.
    """

    class Level(models.TextChoices):
        CHAPTER = "chapter", _("Chapter")
        HEADING = "heading", _("Heading")

    code = models.CharField(_("HS code"), max_length=4, primary_key=True)
    level = models.CharField(_("level"), max_length=7, choices=Level.choices)
    chapter = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="headings",
        verbose_name=_("chapter"),
    )
    name = models.CharField(_("name"), max_length=300)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="chapter", code__regex=r"^[0-9]{2}$", chapter__isnull=True)
                | Q(level="heading", code__regex=r"^[0-9]{4}$", chapter__isnull=False),
                name="hscode_level_matches_code",
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class Organisation(TranslatedRecord, TimeStamped):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Ministry / department")
        STATE_CORPORATION = "state_corporation", _("State corporation")
        DISTRICT_OFFICE = "district_office", _("District office")
        INDUSTRY_ASSOCIATION = "industry_association", _("Industry association")
        EXPORT_COUNCIL = "export_council", _("Export promotion council")
        CHAMBER = "chamber", _("Chamber of commerce")
        FINANCIAL = "financial", _("Financial institution")
        SEZ_TRADE_CENTRE = "sez_trade_centre", _("SEZ / trade centre")
        MSME = "msme", _("MSME")
        FOREIGN_BUYER = "foreign_buyer", _("Foreign buyer")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address name"), max_length=140, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("parent organisation"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("country"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("state / district"),
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="organisations", verbose_name=_("sectors")
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="logos/", blank=True, validators=[validate_upload_size]
    )
    description = models.TextField(_("description"), blank=True)
    udyam_number = models.CharField(
        _("Udyam registration number"),
        max_length=19,
        blank=True,
        validators=[validate_udyam_number],
        help_text=_("For Indian MSMEs, e.g. UDYAM-MH-26-0012345."),
    )
    iec = models.CharField(
        _("Importer-Exporter Code (IEC)"),
        max_length=10,
        blank=True,
        validators=[validate_iec],
        help_text=_("10 characters, for exporters."),
    )
    # A firm's profile, which its owner edits on the public pages (participants).
    target_markets = models.ManyToManyField(
        Country, blank=True, related_name="targeted_by", verbose_name=_("target markets")
    )
    hs_codes = models.ManyToManyField(
        HSCode,
        blank=True,
        related_name="organisations",
        verbose_name=_("products and services (HS)"),
    )
    offers = models.TextField(_("what it offers"), blank=True)
    seeks = models.TextField(_("what it seeks"), blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. mr, en.")
    )
    # A firm a participant entered is unverified until an official checks it;
    # the public directory leaves it out until then (orgs.selectors.listed).
    verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_("Unverified organisations are not shown on the public pages."),
    )
    search_text = models.TextField(editable=False, default="")

    required_translated = ("name",)
    slug_source = ("name",)
    searchable_fields = ("name", "description")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["udyam_number"],
                condition=~Q(udyam_number=""),
                name="organisation_unique_udyam",
                violation_error_message=_(
                    "Another organisation already has this Udyam registration number."
                ),
            ),
            models.UniqueConstraint(
                fields=["iec"],
                condition=~Q(iec=""),
                name="organisation_unique_iec",
                violation_error_message=_("Another organisation already has this IEC."),
            ),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        organisation = super().from_db(db, field_names, values)
        # Not read when deferred (`only()`): unknown counts as shown.
        organisation._stored_verified = organisation.__dict__.get("verified", True)
        return organisation

    @property
    def on_public_pages(self):
        """Whether a public page can show it, as it is or as it was read: only
        verified organisations are listed (orgs.selectors.listed). The page
        cache (portal.receivers) need not move on for any other."""
        return self.__dict__.get("verified", True) or getattr(self, "_stored_verified", False)

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return reverse("orgs:detail", kwargs={"slug": self.slug})

    def _searchable_texts(self):
        yield from super()._searchable_texts()
        # Not translated: the acronym and the public identifiers.
        yield from (text for text in (self.acronym, self.udyam_number, self.iec) if text)

    def clean_fields(self, exclude=None):
        # Identifiers are typed by hand; accept lower case, stray spaces and
        # digits of any script.
        self.udyam_number = normalise_identifier(self.udyam_number)
        self.iec = normalise_identifier(self.iec)
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if self.region_id and self.region.country_id != self.country_id:
            raise ValidationError({"region": _("Choose a region of the organisation's country.")})


class Person(TranslatedRecord, TimeStamped):
    class Honorific(models.TextChoices):
        SHRI = "shri", pgettext_lazy("honorific", "Shri")
        SMT = "smt", pgettext_lazy("honorific", "Smt.")
        SUSHRI = "sushri", pgettext_lazy("honorific", "Sushri")
        MR = "mr", pgettext_lazy("honorific", "Mr")
        MS = "ms", pgettext_lazy("honorific", "Ms")
        DR = "dr", pgettext_lazy("honorific", "Dr")
        PROF = "prof", pgettext_lazy("honorific", "Prof.")

    honorific = models.CharField(
        _("honorific"), max_length=10, choices=Honorific.choices, blank=True
    )
    name = models.CharField(_("name"), max_length=200)
    designation = models.CharField(
        _("designation"),
        max_length=250,
        blank=True,
        help_text=_("The person's present post; roles at an event keep the post held then."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    service = models.CharField(
        _("service"), max_length=50, blank=True, help_text=_("For example IAS.")
    )
    # Private: for the organisers' own use, never shown on public pages.
    email = models.EmailField(_("email (private)"), blank=True)
    phone = models.CharField(_("phone (private)"), max_length=30, blank=True)

    required_translated = ("name",)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        parts = [self.get_honorific_display(), self.name]
        if self.service:
            parts.append(f"({self.service})")
        return " ".join(part for part in parts if part)
