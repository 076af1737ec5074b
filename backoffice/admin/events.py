from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from access import scope
from backoffice import intake
from backoffice.admin.matchmaking import (
    MatchmakingSettingsInline,
    pin_selected,
    pinned,
    unpin_selected,
)
from backoffice.admin.orgs import StateFilter
from backoffice.admin.registrations import RegistrationQuestionInline, RegistrationSettingsInline
from backoffice.admin.revisions import keep_for_approval, needs_approval, publishes
from backoffice.batch import SummariesOnceAdmin
from backoffice.big_lists import BigTableAdmin
from backoffice.dates import SolarHijriDates
from backoffice.importing import ImportAdminMixin, MeetingImportAdminMixin
from backoffice.locking import VersionedFormMixin
from backoffice.reports import EXPORT_ACTIONS
from backoffice.scoped import ScopedAdmin
from backoffice.translated import (
    FOLDED_SEARCH,
    PortalModelForm,
    TranslatedAdmin,
    TranslatedModelForm,
    TranslatedStackedInline,
    shown_date,
    translated,
)
from events.exporters import EventsRegister, MeetingsRegister, MoURegister
from events.history import part_changes
from events.importers import MoUResource
from events.models import (
    B2BMeeting,
    Event,
    EventOrganiser,
    EventRevision,
    EventRole,
    EventSeries,
    MoU,
    MoUParty,
    Scheme,
    Session,
)
from orgs.models import Organisation, Person
from portal.languages import active_language


@admin.register(Scheme)
class SchemeAdmin(TranslatedAdmin):
    list_display = ("name", "acronym", "owner")
    list_select_related = ("owner",)
    search_fields = ("acronym", "slug", *translated("name"))
    autocomplete_fields = ("owner",)
    prepopulated_fields = {"slug": ("acronym",)}


@admin.register(EventSeries)
class EventSeriesAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *translated("name"))
    prepopulated_fields = {"slug": ("name_en",)}


class TimingFilter(admin.SimpleListFilter):
    title = _("timing")
    parameter_name = "timing"

    def lookups(self, request, model_admin):
        return [
            ("upcoming", _("Upcoming")),
            ("ongoing", _("Ongoing")),
            ("past", _("Past")),
            ("tba", _("Dates to be announced")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "tba":
            return queryset.filter(start_date__isnull=True)
        if self.value() in {"upcoming", "ongoing", "past"}:
            return getattr(queryset, self.value())()
        return queryset


class OrganisersFormSet(BaseInlineFormSet):
    """An official's event must stay theirs: one organiser is their organisation."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # A new organisation (added to the directory on saving) is no one's yet.
        organisations = [row["organisation"] for row in rows if row.get("organisation")]
        if rows and not scope.may_organise(self.user, organisations):
            raise ValidationError(
                _(
                    "One of the organisers must be an organisation you work for; "
                    "otherwise the event would leave your care."
                ),
                code="outside_scope",
            )


class OrganisationsInline(SolarHijriDates, admin.TabularInline):
    """Organisations linked to a record with a role: its organisers, its parties."""

    form = PortalModelForm
    autocomplete_fields = ("organisation",)
    extra = 0


class PrefilledRows:
    """An inline of the event's add form whose rows "New event from a report" fills in."""

    def get_extra(self, request, obj=None, **kwargs):
        rows = _prefilled_rows(request, self.model)
        return max(len(rows) - (self.min_num or 0), 0) if rows else super().get_extra(request, obj)


def _prefilled_rows(request, model):
    prefill = getattr(request, "intake", None)
    return prefill.rows.get(model, []) if prefill else []


class NewDirectoryRecordForm:
    """A row naming a record of the directory, or a new one, added when the event is saved.

    "New event from a report" fills in the names of people and organisations
    the directory does not know; the official keeps or corrects them, or
    chooses a record instead. The name is written in the report's language
    (the event's source language), and in English if given.
    """

    directory_field = None  # "person" or "organisation"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.directory_field].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(self.directory_field) and not cleaned.get("new_name"):
            required = self.fields[self.directory_field].error_messages["required"]
            self.add_error(self.directory_field, required)
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("new_name") and not self.cleaned_data.get(self.directory_field):
            event = self.instance.event
            lang = event.source_language or active_language()
            names = {f"name_{lang}": self.cleaned_data["new_name"]}
            if self.cleaned_data.get("new_name_en"):
                names["name_en"] = self.cleaned_data["new_name_en"]
            record = self.new_record(event, names)
            record.full_clean()
            record.save()
            setattr(self.instance, self.directory_field, record)
        return super().save(commit)


def new_name_fields(label):
    # Short inputs: the organisers' rows are a table that must fit the page.
    return (
        forms.CharField(
            label=label,
            max_length=200,
            required=False,
            widget=forms.TextInput(attrs={"size": 18, "dir": "auto"}),
        ),
        forms.CharField(
            label=_("in English"),
            max_length=200,
            required=False,
            widget=forms.TextInput(attrs={"size": 18, "dir": "ltr", "lang": "en"}),
        ),
    )


class EventOrganiserForm(NewDirectoryRecordForm, PortalModelForm):
    directory_field = "organisation"
    new_name, new_name_en = new_name_fields(_("or a new organisation, added to the directory"))

    def new_record(self, event, names):
        # Of a kind to be told later: a report rarely says what a body is.
        return Organisation(kind=Organisation.Kind.OTHER, country=event.country, **names)


class EventRoleForm(NewDirectoryRecordForm, TranslatedModelForm):
    directory_field = "person"
    new_name, new_name_en = new_name_fields(_("or a new person, added to the directory"))
    session_kind = forms.ChoiceField(
        label=pgettext_lazy("part of an event", "session"),
        required=False,
        choices=[("", "---------"), *Session.Kind.choices],
        help_text=_("The event's session of this kind, added with the event if it has none."),
    )

    def new_record(self, event, names):
        designations = {
            f"designation_{lang}": value
            for lang, value in self.instance.translations("designation").items()
        }
        return Person(organisation=self.cleaned_data.get("organisation"), **names, **designations)

    def save(self, commit=True):
        kind = self.cleaned_data.get("session_kind")
        if kind and not self.cleaned_data.get("session"):
            # The sessions' rows are saved before the roles' (the inlines' order).
            event = self.instance.event
            session = event.sessions.filter(kind=kind).first()
            self.instance.session = session or Session.objects.create(event=event, kind=kind)
        return super().save(commit)


class EventOrganiserInline(PrefilledRows, OrganisationsInline):
    model = EventOrganiser
    form = EventOrganiserForm
    formset = OrganisersFormSet
    min_num = 1
    verbose_name = _("organiser")
    verbose_name_plural = _("organisers and partners")

    fields = ("organisation", "role", "order")

    def get_fields(self, request, obj=None):
        fields = self.fields
        # Only those who may add to the directory are offered to.
        adds = request.user.has_perm("orgs.add_organisation")
        return (*fields, "new_name", "new_name_en") if adds else fields


class SessionInline(PrefilledRows, TranslatedStackedInline):
    model = Session
    fields = ("kind", "title", "topic", ("starts_at", "ends_at"), "order")
    extra = 0


class EventRoleInline(PrefilledRows, TranslatedStackedInline):
    model = EventRole
    form = EventRoleForm
    # As get_fields shapes them (modeltranslation asks for `fields` to be set).
    fields = (("person", "role"), "session", "topic", "designation", "organisation", "order")
    autocomplete_fields = ("person", "organisation")
    extra = 0

    def get_fields(self, request, obj=None):
        # A new event has no sessions yet: its role names the kind of session.
        # ("Save as new" copies roles that name the original's sessions.)
        person, session, *others = self.fields
        if obj is None and "_saveasnew" not in request.POST:
            session = "session_kind"
        if request.user.has_perm("orgs.add_person"):
            person = (*person, "new_name", "new_name_en")
        return (person, session, *others)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the sessions of the event being edited (none yet on a new event).
        if db_field.name == "session":
            event_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Session.objects.filter(event_id=event_id)
            if not event_id:
                kwargs["help_text"] = _("Save the event first, then choose one of its sessions.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class VersionedForm(VersionedFormMixin, TranslatedModelForm):
    pass


class MoUInline(TranslatedStackedInline):
    # Versioned here as on the MoU's own page: an event page opened before
    # someone saved one of its MoUs must not put the MoU's old text back.
    form = VersionedForm
    model = MoU
    fields = ("title", "purpose", ("signed_on", "status"), "opened_version")
    extra = 0
    show_change_link = True
    verbose_name_plural = _("MoUs signed at the event (add their parties on the MoU's page)")


FIGURE_ROWS = [(name, f"{name}_qualifier") for name in Event.FIGURES]
# The form prefix of the event page's MoUs (Event.agreements).
MOUS = "agreements"


def meeting_kinds(name, usual):
    """A choice of the kinds of organisation that take one side at the event's B2B meetings."""
    return forms.MultipleChoiceField(
        label=capfirst(Event._meta.get_field(name).verbose_name),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=usual,
    )


class EventForm(VersionedForm):
    meeting_buyer_kinds = meeting_kinds(
        "meeting_buyer_kinds",
        _("None ticked: foreign buyers, MSMEs and other firms buy, as at most meets."),
    )
    meeting_seller_kinds = meeting_kinds(
        "meeting_seller_kinds", _("None ticked: MSMEs and other firms sell, as at most meets.")
    )

    def clean(self):
        cleaned = super().clean()
        # An official who marks an event rescheduled and gives its new dates
        # need not type the old ones: they are the dates it had.
        stored = self.instance.pk and Event.objects.filter(pk=self.instance.pk).first()
        rescheduled = cleaned.get("schedule") == Event.Schedule.RESCHEDULED
        # (If they did not change the dates, the model says the new dates are the old.)
        if stored and rescheduled and stored.start_date and not cleaned.get("previous_start_date"):
            cleaned["previous_start_date"] = stored.start_date
            cleaned["previous_end_date"] = stored.end_date
        return cleaned


@admin.register(Event)
class EventAdmin(SummariesOnceAdmin, BigTableAdmin, ScopedAdmin, TranslatedAdmin):
    form = EventForm
    list_display = (
        "title",
        "kind",
        shown_date(Event, "start_date"),
        shown_date(Event, "end_date"),
        "city",
        "region",
        "status",
        "schedule",
    )
    list_filter = (
        "kind",
        "schemes",
        StateFilter,
        "status",
        "schedule",
        TimingFilter,
        "format",
    )
    list_select_related = ("region", "region__parent")
    date_hierarchy = "start_date"
    # Title, venue, city, description and region in every language, folded.
    search_fields = ("slug", FOLDED_SEARCH)
    autocomplete_fields = (
        "region",
        "country",
        "schemes",
        "sectors",
        "target_countries",
        "series",
    )
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("created_at", "updated_at")
    save_as = True
    save_on_top = True
    inlines = (
        EventOrganiserInline,
        SessionInline,
        EventRoleInline,
        MoUInline,
        RegistrationSettingsInline,
        RegistrationQuestionInline,
        MatchmakingSettingsInline,
    )
    actions = ("publish", "unpublish", *EXPORT_ACTIONS)
    exporter = EventsRegister  # what "export selected" writes
    # BigTableAdmin's list, with "New event from a report" beside "Add".
    change_list_template = "admin/events/event/change_list.html"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    ("kind", "format"),
                    "status",
                    ("series", "edition"),
                    "description",
                    "opened_version",
                )
            },
        ),
        (
            _("When and where"),
            {
                "fields": (
                    ("start_date", "end_date"),
                    "schedule",
                    ("previous_start_date", "previous_end_date"),
                    "venue",
                    "city",
                    ("region", "country"),
                    "online_url",
                )
            },
        ),
        (_("Schemes, sectors and markets"), {"fields": ("schemes", "sectors", "target_countries")}),
        (
            _("How to take part"),
            {
                "fields": (
                    ("registration_url", "registration_deadline"),
                    "contact_desk",
                    ("contact_email", "contact_phone"),
                )
            },
        ),
        (_("Headline figures, as reported"), {"fields": FIGURE_ROWS}),
        (
            _("B2B meetings"),
            {"fields": ("meeting_minutes", "meeting_buyer_kinds", "meeting_seller_kinds")},
        ),
        (
            _("Source and image"),
            {"fields": (("source_url", "source_language"), "source_report", "cover_image")},
        ),
        (_("Created and last updated"), {"fields": (("created_at", "updated_at"),)}),
    )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # "Save as new" copies last year's event: the copy needs a slug of its
        # own, is the series' next edition, and the MoUs signed at the
        # original stay with it.
        if request.method == "POST" and "_saveasnew" in request.POST:
            request.POST = request.POST.copy()
            request.POST["slug"] = ""
            series = request.POST.get("series", "")
            series = series.isdecimal() and EventSeries.objects.filter(pk=series).first()
            if series:
                # As the browser posts it: text, which the digits of any script are read from.
                request.POST["edition"] = str(series.next_edition())
            request.POST[f"{MOUS}-TOTAL_FORMS"] = request.POST[f"{MOUS}-INITIAL_FORMS"] = "0"
        return super().changeform_view(request, object_id, form_url, extra_context)

    # A change to a published event by an official who may not publish is
    # checked as any save is, then kept for a publisher's approval instead of
    # saved (backoffice.admin.revisions); `request.revision` says it was.

    def save_model(self, request, obj, form, change):
        if change and needs_approval(request, obj):
            request.revision = keep_for_approval(request, obj, form)
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "revision", None):
            return
        super().save_related(request, form, formsets, change)
        if "_saveasnew" in request.POST:
            self._roles_to_the_copys_sessions(request, form.instance, formsets)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "revision", None):
            return [{"changed": {"name": str(_("a change waiting for approval")), "fields": []}}]
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(request, "revision", None):
            self.message_user(
                request,
                _(
                    "Your change is kept for a publisher's approval: until then the event "
                    "stays as it was, on the public pages too."
                ),
                messages.WARNING,
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        pending = EventRevision.objects.pending().filter(event=unquote(object_id))
        pending = pending.select_related("proposed_by")
        context = {**(extra_context or {}), "pending_revisions": pending}
        return super().change_view(request, object_id, form_url, context)

    @staticmethod
    def _roles_to_the_copys_sessions(request, copy, formsets):
        """The copied roles named the original's sessions: name the copy's own.

        A role whose session was left out of the copy keeps no session.
        """
        (sessions,) = (formset for formset in formsets if formset.model is Session)
        copied = {}
        for index, session_form in enumerate(sessions.forms):
            original = request.POST.get(f"{sessions.prefix}-{index}-id", "")
            if original.isdecimal() and session_form.instance.pk:
                copied[int(original)] = session_form.instance
        for role in copy.roles.exclude(session=None).exclude(session__event=copy):
            role.session = copied.get(role.session_id)
            role.save(update_fields=["session"])

    object_history_template = "admin/events/event/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        parts = {"part_changes": part_changes(unquote(object_id))}
        return super().history_view(request, object_id, {**(extra_context or {}), **parts})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, EventOrganiserInline):
            kwargs["user"] = request.user
        rows = _prefilled_rows(request, inline.model)
        if rows:
            kwargs["initial"] = rows
        return kwargs

    # "New event from a report" (backoffice.intake): its pages, and the add
    # form filled in from the values the official kept.

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "from-report/",
                wrap(lambda request: intake.new_from_report(request, self)),
                name="events_event_intake",
            ),
            path(
                "from-report/<str:key>/",
                wrap(lambda request, key: intake.proposal(request, self, key)),
                name="events_event_intake_proposal",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        request.intake = intake.prefill_for(request)
        return super().add_view(request, form_url, extra_context)

    def get_changeform_initial_data(self, request):
        prefill = getattr(request, "intake", None)
        return prefill.initial if prefill else super().get_changeform_initial_data(request)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # Officials who may not publish see the publication state but cannot set it.
        return fields if self.has_publish_permission(request) else (*fields, "status")

    def has_publish_permission(self, request):
        return publishes(request.user)

    def get_deleted_objects(self, objs, request):
        # An MoU outlives the event it was signed at: say so before the event goes.
        kept = MoU.objects.filter(event__in=objs).count()
        if kept:
            self.message_user(
                request,
                ngettext(
                    "%(count)d MoU signed at this event will be kept, without its event.",
                    "%(count)d MoUs signed at these events will be kept, without their event.",
                    kept,
                )
                % {"count": kept},
                messages.WARNING,
            )
        return super().get_deleted_objects(objs, request)

    def _set_status(self, request, queryset, status, message):
        # Saved one by one, so that the history records who published what.
        changed = list(queryset.exclude(status=status).select_related("region__parent"))
        for event in changed:
            event.status = status
            event.save(update_fields=["status", "updated_at"])
        count = len(changed)
        self.message_user(request, message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Publish the selected events"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Event.Status.PUBLISHED,
            lambda n: ngettext("%(count)d event published.", "%(count)d events published.", n),
        )

    @admin.action(
        description=_("Unpublish the selected events (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Event.Status.DRAFT,
            lambda n: ngettext(
                "%(count)d event returned to draft.", "%(count)d events returned to draft.", n
            ),
        )


class MoUPartiesFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        parties = [
            form
            for form in self.forms
            if form.cleaned_data.get("organisation") and not form.cleaned_data.get("DELETE")
        ]
        if len(parties) < MoU.MIN_PARTIES:
            raise ValidationError(MoU.too_few_parties_message, code="too_few_parties")


class MoUPartyInline(OrganisationsInline):
    model = MoUParty
    formset = MoUPartiesFormSet
    min_num = MoU.MIN_PARTIES


@admin.register(MoU)
class MoUAdmin(SummariesOnceAdmin, ImportAdminMixin, ScopedAdmin, TranslatedAdmin):
    form = VersionedForm
    resource_classes = [MoUResource]
    list_display = ("title", "event", shown_date(MoU, "signed_on"), "status", "value", "currency")
    list_filter = ("status",)
    list_select_related = ("event",)
    date_hierarchy = "signed_on"
    search_fields = ("slug", *translated("title"), *translated("party_links__organisation__name"))
    autocomplete_fields = ("event",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (MoUPartyInline,)
    actions = EXPORT_ACTIONS
    exporter = MoURegister
    fieldsets = (
        (None, {"fields": ("title", "slug", "event", ("signed_on", "status"), "opened_version")}),
        (_("Content"), {"fields": ("purpose", "activities", "document")}),
        (_("Value"), {"fields": (("value", "currency"),)}),
        (_("Created and last updated"), {"fields": (("created_at", "updated_at"),)}),
    )


@admin.register(B2BMeeting)
class B2BMeetingAdmin(SummariesOnceAdmin, BigTableAdmin, MeetingImportAdminMixin, ScopedAdmin):
    form = PortalModelForm
    list_display = (
        "event",
        shown_date(B2BMeeting, "starts_at"),
        "table",
        "buyer",
        "seller",
        "status",
        "outcome",
        "value",
        pinned,
    )
    list_filter = ("status", "outcome")
    list_select_related = ("event", "buyer", "seller", "placement")
    date_hierarchy = "starts_at"
    search_fields = (*translated("buyer__name"), *translated("seller__name"), "table")
    autocomplete_fields = ("event", "buyer", "seller", "mou")
    readonly_fields = ("created_at", "updated_at")
    actions = (pin_selected, unpin_selected, *EXPORT_ACTIONS)
    exporter = MeetingsRegister
