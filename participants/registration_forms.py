"""The form a participant registers their firm for a meet with: the kind of
participant, the event's own questions and the document it asks for.

The rules of places, dates and eligibility are participants.registrations';
the form checks what was typed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from orgs.models import Organisation
from portal.uploads import DocumentField

from .models import Registration, RegistrationQuestion

Answer = RegistrationQuestion.Answer


def question_field(question):
    """The form field that asks `question`; required is checked per kind (`clean`)."""
    options = {"label": question.text}
    if question.kinds:
        kinds = ", ".join(str(Registration.Kind(kind).label) for kind in question.kinds)
        options["help_text"] = _("Asked only of: %(kinds)s") % {"kinds": kinds}
    if question.answer == Answer.YES_NO:
        choices = [("yes", _("Yes")), ("no", _("No"))]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
    if question.answer == Answer.CHOICE:
        choices = [(choice, choice) for choice in question.choice_list()]
        return forms.ChoiceField(choices=[("", "—"), *choices], **options)
    return forms.CharField(max_length=500, **options)


class RegistrationForm(forms.Form):
    # The firm registered: the one the participant acts for, which the page
    # fills in; participants.registrations refuses any other.
    firm = forms.ModelChoiceField(queryset=Organisation.objects.all(), widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Taking part as"), widget=forms.RadioSelect)

    def __init__(self, *args, reg_settings, questions, kinds, **kwargs):
        """`kinds`: those the firm may register as (the page says why not the others)."""
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]
        for question in questions:
            field = question_field(question)
            field.required = False
            self.fields[self.field_name(question)] = field
        if reg_settings.document_required:
            self.fields["document"] = DocumentField(
                label=reg_settings.document_required,
                help_text=_("A PDF, or a scan as a JPEG or PNG picture."),
            )

    @staticmethod
    def field_name(question):
        return f"question_{question.pk}"

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        for question in self.questions:
            name = self.field_name(question)
            if kind and question.required and question.asks(kind) and not cleaned.get(name):
                self.add_error(name, forms.ValidationError(_("Answer this question.")))
        return cleaned

    @property
    def answers(self):
        """{question id: answer} of the questions asked of the chosen kind, answered."""
        kind = self.cleaned_data["kind"]
        return {
            str(question.pk): self.cleaned_data[self.field_name(question)]
            for question in self.questions
            if question.asks(kind) and self.cleaned_data.get(self.field_name(question))
        }
