"""What every app's models share: abstract bases for translated, timestamped
and versioned records, and the feedback visitors send."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGE_CODES, active_language
from .slugs import unique_slug
from .text_search import fold


class TranslatedRecord(models.Model):
    """A record whose text is written in one or more of the portal's languages.

    A Marathi official may write a record in Marathi only, so no single
    language is required by the database; `required_translated` names the
    fields that need a value in at least one language. A record with a
    `slug` gets a stable ASCII one from the first of `slug_source` written.
    """

    required_translated = ()
    slug_source = ()
    # A record that names `searchable_fields` has a `search_text` field: the
    # fields' text in every language, and its region's names, folded
    # (portal.text_search) so that one `contains` per word finds the record
    # however it was typed. It is written on every save.
    searchable_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.slug_source and not self.slug:
            text = next(
                (
                    value
                    for field in self.slug_source
                    for value in self.translations(field).values()
                ),
                "",
            )
            self.slug = unique_slug(type(self), text)
        if self.searchable_fields:
            self.search_text = fold(" ".join(self._searchable_texts()))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        lang = active_language()
        for field in self.required_translated:
            if not self.translations(field):
                errors[f"{field}_{lang}"] = _("Write this in at least one language.")
        if errors:
            raise ValidationError(errors)

    def translations(self, field):
        """The values of a translated field, by language, leaving out empty ones."""
        values = ((lang, getattr(self, f"{field}_{lang}", None)) for lang in LANGUAGE_CODES)
        return {lang: value for lang, value in values if value}

    def _searchable_texts(self):
        """What a search finds the record by: see `searchable_fields`."""
        for field in self.searchable_fields:
            yield from self.translations(field).values()
        region = getattr(self, "region", None)
        for place in (region, region and region.parent):
            if place:
                yield from place.translations("name").values()


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A record two officials may edit at once: each save bumps its version.

    The admin form carries the version it was opened at and refuses to save
    over a newer one (backoffice.locking), so that no change is silently lost.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class Derived(models.Model):
    """A table counted or summed from others: rewritten by receivers, never edited.

    Not content: changing it invalidates no cached page (portal.receivers).
    """

    class Meta:
        abstract = True


class Feedback(models.Model):
    """A message sent through the public contact page (GIGW: feedback and accessibility).

    Visitors write it; staff read it in the back-office and mark it handled.
    """

    NAME_MAX = 120
    PAGE_MAX = 500
    MESSAGE_MAX = 3000

    name = models.CharField(_("name"), max_length=NAME_MAX)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Given by the visitor if they want a reply.")
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    page = models.CharField(
        _("page it concerns"),
        max_length=PAGE_MAX,
        blank=True,
        help_text=_("The web address or name of the page, as the visitor gave it."),
    )
    language = models.CharField(
        _("language of the page"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)
    staff_notes = models.TextField(_("staff notes"), blank=True)

    class Meta:
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name}: {self.message[:60]}"


class OutgoingMail(models.Model):
    """A mail rendered and waiting for the worker to send it (portal.mail).

    Written in the transaction that has something to tell, so that a
    rolled-back change leaves no mail behind; deleted in the transaction
    that sends it, so that a task run twice sends once. It holds links that
    open an account, so it is kept no longer than that. Shown nowhere.
    """

    to = models.EmailField()
    subject = models.CharField(max_length=998)
    text = models.TextField()
    html = models.TextField()
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.subject} ({self.to})"


def job_storage():
    """Where the jobs' files are kept: settings.STORAGES["jobs"] (local disk or
    object storage, by configuration), never a path the app servers share."""
    return storages["jobs"]


class Job(models.Model):
    """A report built or a spreadsheet imported by the background worker.

    Its progress while it runs is in the cache (portal.progress); `done` and
    `total` are written when it ends. `file` is the report built, or the
    spreadsheet uploaded to be imported. `outcome` is an import's counts
    ({"new": n, "update": n, ...}); `errors` its refusals, each
    {"row": n or null, "column": header or null, "messages": [...]}, already
    in `language`, the requester's at the time.
    """

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        IMPORT = "import", _("Import")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("asked by"),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # What to do: a report's form data, or which import and its options.
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows in all"), default=0)
    file = models.FileField(_("file"), storage=job_storage, max_length=300, blank=True)
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return self.title

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ScheduledReport(models.Model):
    """A report the worker's beat builds and mails on a schedule (backoffice.scheduled).

    Like pretix's scheduled exports: the report and its options and filters
    are a Reports page's form data; each recipient receives it read through
    their own scope and in their own language, so that nobody is mailed a
    row they could not export themselves.
    """

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly (Mondays)")
        MONTHLY = "monthly", _("Monthly (on the 1st)")

    name = models.CharField(_("name"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scheduled_reports",
        verbose_name=_("set up by"),
    )
    report = models.CharField(_("report"), max_length=50)
    format = models.CharField(_("format"), max_length=5)
    # The Reports page's filters and the report's own options, by field name.
    options = models.JSONField(_("options and filters"), default=dict, blank=True)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    active = models.BooleanField(_("active"), default=True)
    last_sent_on = models.DateField(_("last sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled report")
        verbose_name_plural = _("scheduled reports")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ReportRecipient(models.Model):
    """Who receives a scheduled report, and in which language."""

    schedule = models.ForeignKey(
        ScheduledReport, on_delete=models.CASCADE, related_name="recipients"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [
            models.UniqueConstraint(fields=["schedule", "user"], name="one_recipient_per_schedule")
        ]

    def __str__(self):
        return str(self.user)
