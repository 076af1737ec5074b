"""Imports of B2B meeting schedules and MoUs (django-import-export).

Before a buyer-seller meet the organiser sends the schedule as a
spreadsheet: one row per meeting, buyer and seller by name, Udyam number or
IEC, a date and a time in India, a table. The schedule belongs to one event,
chosen on the import form. Bookings are checked by the model: a seller
booked twice at the same time, in the database or earlier in the same file
(the rows before it are already written inside the import's transaction),
is named on its row.

MoUs signed at a meet come as a list too: one row per MoU, its parties in
one cell (see MoUResource).
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export import fields, widgets

from orgs.importers import NamesOrganisations, OrganisationListWidget
from portal.importing import (
    DateWidget,
    DecimalWidget,
    ascii_digits,
    choice_field,
    local_datetime,
    parse_date,
    parse_time,
    translated_columns,
)
from portal.text_search import fold

from . import summaries
from .models import B2BMeeting, Event, MoU, MoUParty


class EventsResource(NamesOrganisations):
    """Rewrites the statistics summaries once per import (its preview too),
    inside its transaction, rather than at each row saved."""

    def import_data_inner(self, *args, **kwargs):
        with summaries.batch():
            return super().import_data_inner(*args, **kwargs)


class MeetingResource(EventsResource):
    """One event's schedule; the event comes from the import form, not the file."""

    date = fields.Field(column_name="date")
    time = fields.Field(column_name="time")
    # Optional: without it a meeting lasts as long as the event's meetings do.
    end = fields.Field(column_name="end")
    status = choice_field("status", B2BMeeting.Status.choices)
    outcome = choice_field("outcome", B2BMeeting.Outcome.choices)
    value = fields.Field(attribute="value", column_name="value", widget=DecimalWidget())

    column_labels = {
        "date": pgettext_lazy("day of a meeting", "date"),
        "time": B2BMeeting._meta.get_field("starts_at").verbose_name,
        "end": B2BMeeting._meta.get_field("ends_at").verbose_name,
    }

    class Meta:
        model = B2BMeeting
        fields = ("buyer", "seller", "date", "time", "end", "table", "status", "outcome")
        fields = (*fields, "value", "currency")
        import_order = fields

    def __init__(self, event=None, **kwargs):
        super().__init__(**kwargs)
        self.event = event
        for role in ("buyer", "seller"):
            self.organisation_column(role)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if self.event is None:
            raise ValidationError(_("Choose the event the schedule belongs to."))
        self.meetings = {
            (m.buyer_id, m.seller_id, m.starts_at): m
            for m in B2BMeeting.objects.filter(event=self.event)
        }

    def starts_at(self, row):
        return local_datetime(parse_date(row.get("date")), parse_time(row.get("time")))

    def get_instance(self, instance_loader, row):
        # A row that cannot be read is new here; import_instance names its faults.
        try:
            buyer = self.directory.find_one(row.get("buyer"))
            seller = self.directory.find_one(row.get("seller"))
            starts_at = self.starts_at(row)
        except (TypeError, ValueError):
            return None
        if buyer and seller:
            return self.meetings.get((buyer.pk, seller.pk, starts_at))
        return None

    def init_instance(self, row=None):
        return B2BMeeting(event=self.event)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance.event = self.event
        day = time = None
        for column, parse in (("date", parse_date), ("time", parse_time)):
            try:
                value = parse(row.get(column))
            except ValueError as error:
                errors[column] = [str(error)]
                continue
            if value is None:
                errors[column] = [_("This field cannot be blank.")]
            elif column == "date":
                day = value
            else:
                time = value
        if day and time:
            instance.starts_at = local_datetime(day, time)
        try:
            end = parse_time(row.get("end"))
        except ValueError as error:
            errors["end"] = [str(error)]
        else:
            if end and day:
                instance.ends_at = local_datetime(day, end)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        exclude = set(errors)
        if "date" in errors or "time" in errors:
            # The time is given as two columns: its fault is named there.
            exclude.update(("starts_at", "ends_at"))
        if "end" in errors:
            exclude.add("ends_at")
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    # The model's fields that a column of another name gives.
    COLUMNS = {"starts_at": "time", "ends_at": "end"}

    def column_of(self, key):
        if key in self.COLUMNS:
            column = self.COLUMNS[key]
            return self.file_headers.get(column, str(self.column_labels[column]))
        return super().column_of(key)

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.meetings[instance.buyer_id, instance.seller_id, instance.starts_at] = instance

    def dehydrate_date(self, meeting):
        return timezone.localtime(meeting.starts_at).date() if meeting.starts_at else ""

    def dehydrate_end(self, meeting):
        return timezone.localtime(meeting.ends_at).strftime("%H:%M") if meeting.ends_at else ""

    def dehydrate_time(self, meeting):
        return timezone.localtime(meeting.starts_at).strftime("%H:%M") if meeting.starts_at else ""

    def dehydrate_buyer(self, meeting):
        return str(meeting.buyer) if meeting.buyer_id else ""

    def dehydrate_seller(self, meeting):
        return str(meeting.seller) if meeting.seller_id else ""


class EventWidget(widgets.ForeignKeyWidget):
    """An event by its slug, the name in its web address, among `events`."""

    def __init__(self, events=None, **kwargs):
        super().__init__(Event, field="slug", **kwargs)
        self.events = Event.objects.all() if events is None else events

    def clean(self, value, row=None, **kwargs):
        slug = str(ascii_digits(value) or "").strip().lower()
        if not slug:
            return None
        try:
            return self.events.get(slug=slug)
        except Event.DoesNotExist:
            raise ValueError(
                _("No event has the web address name “%(value)s”.") % {"value": value}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class PartiesField(fields.Field):
    """An MoU's parties: those its row lists once read, else those on record.

    What the row lists is kept on the instance (its `attribute`) until the
    MoU is saved; comparing the two lists is how an unchanged row is skipped.
    """

    def get_value(self, mou):
        listed = getattr(mou, self.attribute, None)
        if listed is not None:
            return listed
        if mou.pk is None:
            return []
        return [link.organisation for link in mou.party_links.select_related("organisation")]


class MoUResource(EventsResource):
    """MoUs, one per row, with their parties in one cell.

    The parties are named by name, Udyam number or IEC, separated by ";",
    and found as the meeting import finds a buyer or a seller; they are
    recorded in the cell's order. An MoU has at least MoU.MIN_PARTIES of them.

    An MoU already on record is found so that importing a file twice creates
    nothing new:
    - by its slug, if the row gives one (a `slug` column): the slug alone
      decides, and an unknown slug makes a new MoU with that slug;
    - otherwise by its title in the language of the title's column (a title
      under a Marathi header is compared with the Marathi titles on record,
      folded as portal.text_search does) together with its signed date.

    On an MoU found again, the parties cell is the full list: organisations it
    does not name are taken off the MoU, those on record keep their role, new
    ones join as parties. Without a parties column the MoU's parties are left
    as they are (a new MoU then has too few).
    """

    title_columns = translated_columns("title")

    slug = fields.Field(
        attribute="slug",
        column_name="slug",
        widget=widgets.CharWidget(allow_blank=False),
        saves_null_values=False,
    )
    event = fields.Field(attribute="event", column_name="event", widget=EventWidget())
    signed_on = fields.Field(attribute="signed_on", column_name="signed_on", widget=DateWidget())
    status = choice_field("status", MoU.Status.choices)
    value = fields.Field(attribute="value", column_name="value", widget=DecimalWidget())

    column_labels = {"parties": MoU._meta.get_field("parties").verbose_name}

    class Meta:
        model = MoU
        fields = (*translated_columns("title", "purpose", "activities"), "slug", "event")
        fields = (*fields, "signed_on", "status", "value", "currency", "parties")
        import_order = fields

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # An event outside the official's scope is one this import does not know.
        self.fields["event"].widget = EventWidget(self.scoped(Event.objects.all()))
        self.fields["parties"] = PartiesField(
            attribute="listed_parties",
            column_name="parties",
            widget=OrganisationListWidget(lambda: self.directory),
        )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.mous = {}
        mous = self.scoped(MoU.objects.all())
        for values in mous.values("pk", "slug", "signed_on", *self.title_columns):
            self._remember(values)

    def _remember(self, values):
        self.mous.setdefault(("slug", values["slug"]), values["pk"])
        for column in self.title_columns:
            if values[column]:
                key = (column, fold(values[column]), values["signed_on"])
                self.mous.setdefault(key, values["pk"])

    def get_instance(self, instance_loader, row):
        slug = str(row.get("slug") or "").strip()
        if slug:
            pk = self.mous.get(("slug", slug))
        else:
            # A row whose date cannot be read is new here; import_instance names the fault.
            try:
                signed_on = parse_date(row.get("signed_on"))
            except ValueError:
                return None
            pk = next(
                (
                    self.mous[key]
                    for column in self.title_columns
                    if row.get(column)
                    and (key := (column, fold(str(row[column])), signed_on)) in self.mous
                ),
                None,
            )
        return MoU.objects.get(pk=pk) if pk else None

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        parties = self.fields["parties"]
        if parties.attribute not in errors and len(parties.get_value(instance)) < MoU.MIN_PARTIES:
            errors[parties.attribute] = [
                ValidationError(MoU.too_few_parties_message, code="too_few_parties")
            ]
        super().validate_instance(instance, errors, validate_unique)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        listed = getattr(instance, self.fields["parties"].attribute, None)
        if listed is None or (self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs)):
            return
        links = {link.organisation_id: link for link in instance.party_links.all()}
        for order, organisation in enumerate(listed, 1):
            link = links.pop(organisation.pk, None) or MoUParty(
                mou=instance, organisation=organisation, role=MoUParty.Role.PARTY
            )
            if link.pk is None or link.order != order:
                link.order = order
                link.save()
        MoUParty.objects.filter(pk__in=[link.pk for link in links.values()]).delete()

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self._remember(
            {
                "pk": instance.pk,
                "slug": instance.slug,
                "signed_on": instance.signed_on,
                **{column: getattr(instance, column) for column in self.title_columns},
            }
        )
