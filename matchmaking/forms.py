"""The forms of a meet's B2B pages: the catalogue's filters, a request, an answer."""

import zoneinfo

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from participants.models import Participant, Registration
from portal.templatetags.localise import local_date_time

from .models import FollowUp, MeetingRequest


class CatalogueFilters(forms.Form):
    """The catalogue's filters, from the query string, offering what the meet's
    firms have; a value that is not on offer is dropped, never an error page."""

    kind = forms.ChoiceField(label=_("Taking part as"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    hs = forms.ChoiceField(label=_("HS code"), required=False)
    market = forms.ChoiceField(label=_("Target market"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, firms):
        """`firms`: the organisations of the meet's catalogue, their profiles prefetched."""
        super().__init__(data)
        every = ("", _("All"))
        self.fields["kind"].choices = [
            every,
            (Registration.Kind.BUYER, _("Buyers")),
            (Registration.Kind.SELLER, _("Sellers")),
        ]
        options = {name: {} for name in ("country", "sector", "hs", "market", "language")}
        for firm in firms:
            options["country"][firm.country_id] = firm.country.name
            options["sector"].update((s.slug, s.name) for s in firm.sectors.all())
            options["hs"].update((hs.code, f"{hs.code} {hs.name}") for hs in firm.hs_codes.all())
            options["market"].update((c.code, c.name) for c in firm.target_markets.all())
            options["language"].update((code, language_name(code)) for code in firm.languages)
        for name, found in options.items():
            self.fields[name].choices = [every, *sorted(found.items(), key=lambda kv: str(kv[1]))]

    def values(self):
        """The valid filters, by name; the others are dropped."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def language_name(code):
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What you would like to talk about."),
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        coerce=int,
        choices=MeetingRequest.Priority.choices,
        initial=MeetingRequest.Priority.MEDIUM,
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=MeetingRequest.DeclineReason.choices)


class TimeZoneForm(forms.ModelForm):
    """Where the participant is, so that their agenda also gives their own times."""

    time_zone = forms.ChoiceField(label=_("Your time zone"), required=False)

    class Meta:
        model = Participant
        fields = ["time_zone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [
            ("", _("The meet's only")),
            *((name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name),
        ]


class FollowUpForm(forms.Form):
    interest = forms.TypedChoiceField(
        label=_("How interesting was the meeting?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
        help_text=_("1: not at all, 5: very."),
    )
    outcome = forms.ChoiceField(
        label=_("What has come of it?"), choices=FollowUp.Outcome.choices, widget=forms.RadioSelect
    )


class AvailabilityForm(forms.Form):
    """The meet's slots a firm will be away for, ticked."""

    away = forms.MultipleChoiceField(
        label=_("Slots you will be away for"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["away"].choices = [
            (timed.id, local_date_time(timed.starts_at)) for timed in slots
        ]
