"""What every back-office page shares: translated fields in tabs, written in
the right direction, a record readable in English or the official's own
language, numbers and dates typed in Devanagari or Persian digits, and on
Persian pages dates in the Solar Hijri calendar (backoffice.dates)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from backoffice.dates import SolarHijriDates
from portal import l10n
from portal.l10n import ascii_digits
from portal.languages import LANGUAGE_CODES, active_language, columns
from portal.text_search import fold
from portal.uploads import DocumentField, PictureField

# In an admin's search_fields: its records' folded text, every language's.
FOLDED_SEARCH = "search_text__contains"


def shown_date(model, name):
    """A list column showing the date or time field `name` as the public pages
    write it, in the official's language: its own digits, and in Persian the
    Solar Hijri calendar (Django's formats know neither)."""
    field = model._meta.get_field(name)
    show = l10n.date_time if isinstance(field, models.DateTimeField) else l10n.date

    @admin.display(description=field.verbose_name, ordering=name)
    def column(obj):
        return show(getattr(obj, name), get_language())

    column.__name__ = f"{name}_shown"
    return column


def translated(*fields):
    """Every language's column of each translated field, e.g. for search_fields."""
    return [column for field in fields for column in columns(field)]


NUMERIC_FIELDS = (
    forms.IntegerField,
    forms.DecimalField,
    forms.DateField,
    forms.DateTimeField,
    forms.TimeField,
    forms.SplitDateTimeField,
)


class PortalModelForm(forms.ModelForm):
    """Reads ४१ or ۴۱ as 41 in number, date and time inputs.

    Text fields are left alone: a Marathi title keeps its own digits.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        data = self.data.copy()
        for name, field in self.fields.items():
            if not isinstance(field, NUMERIC_FIELDS):
                continue
            key = self.add_prefix(name)
            # A split date/time input posts name_0 and name_1.
            for part in (key, f"{key}_0", f"{key}_1"):
                if part in data:
                    data.setlist(part, [ascii_digits(v) for v in data.getlist(part)])
        self.data = data


class TranslatedModelForm(PortalModelForm):
    """A record must be readable by the official's colleagues.

    The model already asks for each required text in at least one language;
    here, entered through the back-office, one of those must be English or
    the official's own language.
    """

    def clean(self):
        cleaned_data = super().clean()
        own = active_language()
        readable = {"en", own}
        for field in getattr(self._meta.model, "required_translated", ()):
            written = {lang for lang in LANGUAGE_CODES if cleaned_data.get(f"{field}_{lang}")}
            if written and not written & readable and f"{field}_{own}" in self.fields:
                self.add_error(
                    f"{field}_{own}",
                    _("Write this in English or in %(language)s as well.")
                    % {"language": get_language_info(own)["name_translated"]},
                )
        return cleaned_data


class ScriptAwareFields:
    """Marks each translated input with its language, and Persian as right to left."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        lang = getattr(db_field, "language", None)
        if formfield is not None and lang:
            # modeltranslation would require English; the record's own rules
            # (TranslatedModelForm, TranslatedRecord.clean) decide instead.
            formfield.required = False
            formfield.widget.attrs["lang"] = lang
            formfield.widget.attrs["dir"] = "rtl" if get_language_info(lang)["bidi"] else "ltr"
        return formfield


class TranslatedAdmin(SolarHijriDates, ScriptAwareFields, TabbedTranslationAdmin):
    form = TranslatedModelForm
    formfield_overrides = {
        # Officials paste bare domains ("msme.gov.in"); today's web is https.
        models.URLField: {"assume_scheme": "https"},
        # Uploads are public: checked by their content, pictures stored re-encoded.
        models.ImageField: {"form_class": PictureField},
        models.FileField: {"form_class": DocumentField},
    }

    def get_search_results(self, request, queryset, search_term):
        # A record with a folded search text (portal.text_search) is found
        # however the words were typed: Persian with Arabic yeh or kaf or
        # without its joiners, digits in any script. Elsewhere the term is
        # left as typed, to match the text as stored.
        if FOLDED_SEARCH in self.get_search_fields(request):
            search_term = fold(search_term)
        return super().get_search_results(request, queryset, search_term)


class TranslatedStackedInline(SolarHijriDates, ScriptAwareFields, TranslationStackedInline):
    form = TranslatedModelForm
    # An event page holds many sessions and roles: short text boxes keep it readable.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}


class TranslatedTabularInline(SolarHijriDates, ScriptAwareFields, TranslationTabularInline):
    form = TranslatedModelForm
