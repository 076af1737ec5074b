"""What every import (django-import-export) shares.

Staff load spreadsheets that organisers send: the headers may be in English
or in the staff member's language, numbers and dates may be typed with
Devanagari or Persian digits, and organisations are named by Udyam number,
IEC or name. An import is all or nothing: it is previewed first, and one bad
row means no row is written.
"""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from . import l10n
from .languages import LANGUAGE_CODES, columns
from .text_search import fold
from .validators import validate_gregorian_date


def translated_columns(*names):
    """One column per language of each translated field: name_en, name_hi, ..."""
    return [column for name in names for column in columns(name)]


def ascii_digits(value):
    """ "२६" or "۲۶" as "26"; anything not a string is returned as it is."""
    return l10n.ascii_digits(value).strip() if isinstance(value, str) else value


def languages_first(lang):
    """The portal's languages with `lang` first: its reading of a header wins a tie."""
    return [lang, *(code for code in LANGUAGE_CODES if code != lang)]


# Widgets: the library's, reading Devanagari and Persian digits.


class DigitsMixin:
    def clean(self, value, row=None, **kwargs):
        return super().clean(ascii_digits(value), row, **kwargs)


class IdentifierWidget(DigitsMixin, widgets.CharWidget):
    """Udyam numbers and IECs: ASCII, upper case."""

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return value.upper() if value else ""


class DecimalWidget(DigitsMixin, widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str):
            # "1,25,000" as Indian grouping writes it.
            value = ascii_digits(value).replace(",", "").replace("٬", "")
        return super().clean(value, row, **kwargs)


DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p")


def parse_date(value):
    """A Gregorian date from a cell: a spreadsheet date or text in any of DATE_FORMATS."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        text = ascii_digits(str(value))
        for fmt in DATE_FORMATS:
            try:
                value = datetime.datetime.strptime(text, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise ValueError(
                _("“%(value)s” is not a date: write it as 2025-11-06.") % {"value": text}
            )
    try:
        validate_gregorian_date(value)
    except ValidationError as error:
        raise ValueError(" ".join(error.messages)) from error
    return value


def parse_time(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.time()
    if isinstance(value, datetime.time):
        return value
    text = ascii_digits(str(value)).upper()
    for fmt in TIME_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a time of day: write it as 14:30.") % {"value": text})


def choice_field(name, choices):
    """The column `name`: one of `choices`, by value or label (ChoiceWidget);
    an empty cell keeps the record's value."""
    return fields.Field(
        attribute=name, column_name=name, widget=ChoiceWidget(choices), saves_null_values=False
    )


class DateWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_date(value)


class ChoiceWidget(widgets.CharWidget):
    """A choice by its stored value or its label in any portal language.

    An empty cell gives None: declare the field with `saves_null_values=False`
    so that it keeps the record's value (or the model's default).
    """

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.values = {}
        for value, label in choices:
            self.values[fold(value)] = value
            for lang in LANGUAGE_CODES:
                with translation.override(lang):
                    self.values.setdefault(fold(str(label)), value)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if not text:
            return None
        try:
            return self.values[fold(text)]
        except KeyError:
            raise ValueError(
                _("“%(value)s” is not one of the choices: %(choices)s.")
                % {"value": text, "choices": ", ".join(str(label) for _v, label in self.choices)}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class PortalResource(resources.ModelResource):
    """A resource whose headers can be written in any portal language.

    The accepted headers of each column come from the model's own translated
    verbose names, read under each language in turn: "name", "नाम", "नाव",
    "نام". For a translated field, the plain name in one language fills that
    language's column ("नाव" fills name_mr); "name [mr]" names it outright.
    Errors are reported under the header as the file wrote it.
    """

    # Labels of columns that are not model fields: {column_name: lazy label}.
    column_labels = {}

    class Meta:
        # Inherited by every import: a row that changes nothing is skipped and
        # counted as such, and each record is checked by its model before it is
        # written.
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, scope=None, **kwargs):
        super().__init__()
        self.file_headers = {}
        # The scope of the official importing (access.scope.UserScope), which
        # the rows must keep to; None from the command line and in scripts.
        self.scope = scope
        # Told of each row imported, by a background job (portal.jobs.Progress).
        self.on_row = None

    def scoped(self, queryset):
        """The rows of `queryset` this import may find and change."""
        return queryset if self.scope is None else self.scope.limit(queryset)

    def may_change(self, instance):
        """Whether an existing record matched by a row may be changed by this import."""
        return True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.pk and not self.may_change(instance):
            errors[NON_FIELD_ERRORS] = [
                ValidationError(
                    _("“%(record)s” is in another organisation's care: you cannot change it."),
                    code="outside_scope",
                    params={"record": instance},
                )
            ]
        super().validate_instance(instance, errors, validate_unique)

    def label_for(self, field):
        if field.column_name in self.column_labels:
            return self.column_labels[field.column_name]
        if field.attribute:
            try:
                return self._meta.model._meta.get_field(field.attribute).verbose_name
            except Exception:
                return field.column_name
        return field.column_name

    def header_aliases(self):
        """{folded header: column name} for every header this resource accepts."""
        aliases = {}
        model_fields = {f.name: f for f in self._meta.model._meta.get_fields()}
        for lang in languages_first(get_language() or "en"):
            with translation.override(lang):
                for field in self.get_import_fields():
                    aliases.setdefault(fold(field.column_name), field.column_name)
                    aliases.setdefault(fold(str(self.label_for(field))), field.column_name)
                    # A translated field's column in this language, by the plain name.
                    base, _sep, field_lang = (field.attribute or "").rpartition("_")
                    if field_lang == lang and base in model_fields:
                        original = model_fields[base]
                        aliases.setdefault(fold(str(original.verbose_name)), field.column_name)
        return aliases

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        aliases = self.header_aliases()
        headers = []
        for header in dataset.headers or []:
            column = aliases.get(fold(str(header or "")), header)
            self.file_headers[column] = str(header)
            headers.append(column)
        dataset.headers = headers

    def get_diff_headers(self):
        return [str(self.label_for(field)) for field in self.get_user_visible_fields()]

    def column_of(self, key):
        """The header a row's error goes under: as the file wrote it."""
        if key == NON_FIELD_ERRORS:
            return key
        field = next((f for f in self.fields.values() if key in (f.attribute, f.column_name)), None)
        column = field.column_name if field else key
        if column in self.file_headers:
            return self.file_headers[column]
        return str(self.label_for(field)) if field else key

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if self.on_row is not None:
            self.on_row()
        error = row_result.validation_error
        if error is not None and hasattr(error, "error_dict"):
            errors = {}
            for key, messages in error.message_dict.items():
                errors.setdefault(self.column_of(key), []).extend(messages)
            row_result.validation_error = ValidationError(errors)
        return row_result


def import_summary(result):
    """{"new": n, "update": n, "delete": n, "skip": n, "error": n, "invalid": n}."""
    return dict(result.totals)


def local_datetime(day, time):
    """The aware datetime of a day and a time of day in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, time))
