"""The participants app's report, and its registry: firms' registrations for meets.

The events app's registry (events.exporters) cannot list it, being in a
layer under this one; the back-office, above both, offers both registries.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.exporters import EventsExporter
from events.models import Event
from portal.reports.exporter import choice_label, local, shown

from .models import Registration, RegistrationQuestion

YES_NO = {"yes": gettext_lazy("Yes"), "no": gettext_lazy("No")}


def answer_shown(question, value):
    """An answer as the organisers read it: a yes or no in their language."""
    if question.answer == RegistrationQuestion.Answer.YES_NO:
        return str(YES_NO.get(value, value or ""))
    return value or ""


class RegistrationsRegister(EventsExporter):
    """One row per registration; the answers as columns when the rows are one event's."""

    slug = "registrations"
    verbose_name = gettext_lazy("Registrations for meets")
    model = Registration

    @classmethod
    def form_fields(cls):
        # Every event that takes registrations is offered; the report reads
        # only those in the official's scope whichever is chosen.
        return {
            "event": forms.ModelChoiceField(
                Event.objects.filter(registration_settings__isnull=False),
                label=gettext_lazy("Registrations: one event, with its questions' answers"),
                to_field_name="slug",
                required=False,
            )
        }

    def queryset(self):
        # access.scope knows no registrations (they are in a layer above it):
        # they are read through the events in the user's scope.
        registrations = self.records().filter(event__in=self.filters.events(self.read(Event)))
        if self.options.get("event"):
            registrations = registrations.filter(event=self.options["event"])
        return registrations

    @cached_property
    def questions(self):
        """The event's questions, if the rows are one event's (chosen, or all selected)."""
        events = list(self.queryset().order_by().values_list("event_id", flat=True).distinct()[:2])
        if len(events) != 1:
            return []
        return list(RegistrationQuestion.objects.filter(event_id=events[0]))

    def header(self):
        return [
            _("Event"),
            _("Firm"),
            _("Country"),
            _("Taking part as"),
            _("Status"),
            _("Reason"),
            _("Registered on"),
            *(question.text for question in self.questions),
        ]

    def rows(self):
        questions = self.questions
        values = self.queryset().values_list(
            shown("title", "event__"),
            shown("name", "organisation__"),
            shown("name", "organisation__country__"),
            choice_label("kind", Registration.Kind.choices),
            choice_label("status", Registration.Status.choices),
            "reason",
            "created_at",
            "answers",
        )
        for *row, registered_on, answers in values.order_by("event_id", "created_at", "pk"):
            yield (
                *row,
                local(registered_on),
                *(answer_shown(q, answers.get(str(q.pk))) for q in questions),
            )


EXPORTERS = {RegistrationsRegister.slug: RegistrationsRegister}
