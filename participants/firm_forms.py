"""The forms of a participant's firm: claim, join, create, profile."""

from babel import Locale
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from orgs.models import Country, Organisation, Region
from orgs.validators import normalise_identifier, validate_iec, validate_udyam_number
from portal.l10n import babel_locale
from portal.uploads import PictureField

from . import firms
from .hs_field import HSCodesField

INDIA = "IN"

# The languages a firm may say it works in: the portal's four and the
# others its buyers most often write in. Their names come from CLDR.
FIRM_LANGUAGES = (
    "en", "hi", "mr", "fa", "ar", "bn", "de", "es", "fr", "gu", "ja", "kn",
    "ml", "pa", "pt", "ru", "ta", "te", "tr", "ur", "zh",
)  # fmt: skip


class IdentifierField(forms.CharField):
    """A Udyam number or IEC, normalised before it is checked (orgs.validators)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"dir": "ltr", "autocomplete": "off", "spellcheck": "false"})

    def to_python(self, value):
        return normalise_identifier(super().to_python(value))


class NumberForm(forms.Form):
    """A firm of the directory found by its Udyam number or IEC (`organisation`)."""

    number = IdentifierField(
        label=_("Udyam registration number or IEC"),
        max_length=30,
        help_text=_("For example UDYAM-MH-26-0012345, or a 10-character IEC."),
    )
    not_found = _(
        "No organisation of the directory has this number. "
        "If it is your firm's, enter your firm's record instead."
    )

    def clean_number(self):
        number = self.cleaned_data["number"]
        if number.startswith("UDYAM"):
            field, validator = "udyam_number", validate_udyam_number
        else:
            field, validator = "iec", validate_iec
        validator(number)
        self.organisation = Organisation.objects.filter(**{field: number}).first()
        if self.organisation is None:
            raise forms.ValidationError(self.not_found, code="not_found")
        self.check_owner(firms.owns(self.organisation))
        return number


class ClaimForm(NumberForm):
    def check_owner(self, owned):
        if owned:
            raise forms.ValidationError(
                _(
                    "This firm already has an owner on the portal. Ask to join it instead: "
                    "its owner approves colleagues."
                ),
                code="owned",
            )


class JoinForm(NumberForm):
    def check_owner(self, owned):
        if not owned:
            raise forms.ValidationError(
                _("This firm has no owner on the portal yet: claim it instead."), code="no_owner"
            )


class NewFirmForm(forms.ModelForm):
    """A firm the directory lacks, named in the page's language."""

    class Meta:
        model = Organisation
        fields = ["name"]
        labels = {"name": _("Your firm's name")}
        widgets = {"name": forms.TextInput(attrs={"dir": "auto"})}


class IndianFirmForm(NewFirmForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (Organisation.Kind.MSME, Organisation.Kind.MSME.label),
            (Organisation.Kind.OTHER, _("Another firm (not an MSME)")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta(NewFirmForm.Meta):
        fields = ["name", "kind", "region", "udyam_number", "iec"]
        field_classes = {"udyam_number": IdentifierField, "iec": IdentifierField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.country_id = INDIA
        region = self.fields["region"]
        region.required = True
        region.queryset = Region.objects.filter(country_id=INDIA).select_related("parent")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("udyam_number") or cleaned.get("iec")) and not self.errors:
            raise forms.ValidationError(
                _("Enter the firm's Udyam registration number, its IEC, or both."),
                code="no_number",
            )
        return cleaned


class ForeignBuyerForm(NewFirmForm):
    class Meta(NewFirmForm.Meta):
        fields = ["name", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = Organisation.Kind.FOREIGN_BUYER
        self.fields["country"].queryset = Country.objects.exclude(code=INDIA)


class ProfileForm(forms.ModelForm):
    """What the firm's owner says of it on the portal."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages your firm does business in."),
    )
    hs_codes = HSCodesField(
        label=_("Products and services (HS codes)"),
        required=False,
        help_text=_(
            "HS chapters (2 digits) or headings (4 digits), separated by commas, "
            "for example 0901, 5208."
        ),
    )

    class Meta:
        model = Organisation
        fields = ["sectors", "hs_codes", "target_markets", "offers", "seeks", "logo", "languages"]
        labels = {
            "offers": _("What your firm offers"),
            "seeks": _("What your firm seeks"),
        }
        help_texts = {
            "target_markets": _("The countries your firm sells to or wants to."),
            "offers": _("Products and services, capacity, certifications."),
            "seeks": _("Buyers, partners, suppliers, markets."),
        }
        field_classes = {"logo": PictureField}
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            "target_markets": forms.SelectMultiple(attrs={"size": 8}),
            "offers": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            "seeks": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language named in the page's language.
        locale = babel_locale(get_language())
        self.fields["languages"].choices = [
            (code, Locale.parse(code).get_display_name(locale)) for code in FIRM_LANGUAGES
        ]
