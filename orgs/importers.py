"""Imports of participant lists: organisations and people (django-import-export).

Organisers send the list of firms and buyers before a meet; importing it
twice must not make two of anything, so an organisation is found by its Udyam
number, then its IEC, then its exact name in any language, and a person by
email, else by name and organisation.
"""

import re

from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from portal.importing import (
    IdentifierWidget,
    PortalResource,
    ascii_digits,
    choice_field,
    translated_columns,
)
from portal.languages import LANGUAGE_CODES, columns
from portal.text_search import fold

from .models import Country, Organisation, Person

# Widgets: countries and organisations as a spreadsheet names them (the
# events app's imports name them too).


class CountryWidget(widgets.ForeignKeyWidget):
    """A country by its ISO code or its name in any portal language."""

    def __init__(self, **kwargs):
        super().__init__(Country, **kwargs)
        self._countries = None

    def lookup(self):
        if self._countries is None:
            self._countries = {}
            for country in Country.objects.all():
                self._countries[country.code.casefold()] = country
                for lang in LANGUAGE_CODES:
                    name = getattr(country, f"name_{lang}", None)
                    if name:
                        self._countries.setdefault(fold(name), country)
        return self._countries

    def clean(self, value, row=None, **kwargs):
        text = fold(str(value or ""))
        if not text:
            return None
        try:
            return self.lookup()[text]
        except KeyError:
            raise ValueError(
                _("Unknown country “%(value)s”: give its ISO code (IN, DE) or its name.")
                % {"value": value}
            ) from None

    def render(self, value, obj=None, **kwargs):
        return value.code if value else ""


class OrganisationDirectory:
    """Every organisation in memory, found by Udyam number, IEC or exact name.

    Loaded in one query per import rather than one per row; organisations
    the import creates are added as it goes, so a file that names a firm
    twice finds it the second time. Names are compared folded
    (portal.text_search), so Persian ی/ک variants and case do not matter.
    """

    NAME_COLUMNS = columns("name")

    def __init__(self):
        self.by_key = {}
        columns = ("pk", "name", "acronym", "udyam_number", "iec", *self.NAME_COLUMNS)
        for organisation in Organisation.objects.only(*columns):
            self.add(organisation)

    def add(self, organisation):
        for key in (organisation.udyam_number, organisation.iec):
            if key:
                self.by_key.setdefault(("id", key.upper()), organisation)
        for column in self.NAME_COLUMNS:
            name = getattr(organisation, column)
            if name:
                self.by_key.setdefault(("name", fold(name)), organisation)

    def find(self, *, udyam="", iec="", names=()):
        """The organisation with this Udyam number, else this IEC, else this name."""
        for key in (udyam, iec):
            key = str(ascii_digits(key) or "").upper()
            if key and ("id", key) in self.by_key:
                return self.by_key["id", key]
        for name in names:
            if name and ("name", fold(str(name))) in self.by_key:
                return self.by_key["name", fold(str(name))]
        return None

    def find_one(self, text):
        """The organisation one cell names: by Udyam number, IEC or name."""
        text = str(ascii_digits(text) or "").strip()
        return self.find(udyam=text, iec=text, names=[text]) if text else None


class OrganisationWidget(widgets.ForeignKeyWidget):
    """An organisation named in one cell by its Udyam number, IEC or name."""

    def __init__(self, directory_source, **kwargs):
        super().__init__(Organisation, **kwargs)
        # A callable giving the import's OrganisationDirectory.
        self.directory_source = directory_source

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        organisation = self.directory_source().find_one(value)
        if organisation is None:
            raise ValueError(
                _("No organisation has the Udyam number, IEC or name “%(value)s”.")
                % {"value": value}
            )
        return organisation

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


class OrganisationListWidget(widgets.Widget):
    """Organisations listed in one cell, separated by ";" (or the Persian "؛").

    Each is found as OrganisationWidget finds one; the list keeps the cell's
    order and names an organisation once however often it is written. Every
    name that matches no organisation is reported, not only the first.
    """

    SEPARATORS = re.compile("[;؛]")

    def __init__(self, directory_source, **kwargs):
        super().__init__(**kwargs)
        self.organisation = OrganisationWidget(directory_source)

    def clean(self, value, row=None, **kwargs):
        found, faults = [], []
        for text in self.SEPARATORS.split("" if value is None else str(value)):
            if not text.strip():
                continue
            try:
                organisation = self.organisation.clean(text.strip(), row, **kwargs)
            except ValueError as error:
                faults.append(str(error))
                continue
            if organisation not in found:
                found.append(organisation)
        if faults:
            raise ValueError(" ".join(faults))
        return found

    def render(self, value, obj=None, **kwargs):
        return "; ".join(str(organisation) for organisation in value or ())


class NamesOrganisations(PortalResource):
    """A resource whose rows name organisations: the directory is read once
    per import (OrganisationDirectory), as `self.directory`."""

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.directory = OrganisationDirectory()

    def organisation_column(self, name):
        """The column `name`: an organisation, by Udyam number, IEC or name."""
        self.fields[name] = fields.Field(
            attribute=name, column_name=name, widget=OrganisationWidget(lambda: self.directory)
        )


class DirectoryResource(NamesOrganisations):
    """Organisations and people: a row may not change one outside the official's care."""

    def may_change(self, instance):
        return self.scope is None or self.scope.may_change(instance)


class OrganisationResource(DirectoryResource):
    kind = choice_field("kind", Organisation.Kind.choices)
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    udyam_number = fields.Field(
        attribute="udyam_number", column_name="udyam_number", widget=IdentifierWidget()
    )
    iec = fields.Field(attribute="iec", column_name="iec", widget=IdentifierWidget())

    class Meta:
        model = Organisation
        fields = (*translated_columns("name"), "acronym", "kind", "country", "udyam_number", "iec")
        import_order = fields

    def get_instance(self, instance_loader, row):
        found = self.directory.find(
            udyam=row.get("udyam_number"),
            iec=row.get("iec"),
            names=[row.get(column) for column in translated_columns("name")],
        )
        return Organisation.objects.get(pk=found.pk) if found else None

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.directory.add(instance)


class PersonResource(DirectoryResource):
    honorific = choice_field("honorific", Person.Honorific.choices)

    class Meta:
        model = Person
        fields = (
            "honorific",
            *translated_columns("name", "designation"),
            "organisation",
            "service",
            "email",
            "phone",
        )
        import_order = fields

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.organisation_column("organisation")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.people = {}
        columns = ["pk", "email", "organisation_id", *translated_columns("name")]
        for values in Person.objects.values(*columns):
            self._remember(values)

    def _remember(self, values):
        if values["email"]:
            self.people.setdefault(("email", values["email"].casefold()), values["pk"])
        for column in translated_columns("name"):
            if values[column]:
                key = ("name", fold(values[column]), values["organisation_id"])
                self.people.setdefault(key, values["pk"])

    def get_instance(self, instance_loader, row):
        email = str(row.get("email") or "").strip().casefold()
        pk = self.people.get(("email", email)) if email else None
        if pk is None:
            organisation = self.directory.find_one(row.get("organisation"))
            organisation_id = organisation.pk if organisation else None
            pk = next(
                (
                    self.people[key]
                    for column in translated_columns("name")
                    if row.get(column)
                    and (key := ("name", fold(str(row[column])), organisation_id)) in self.people
                ),
                None,
            )
        return Person.objects.get(pk=pk) if pk else None

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self._remember(
            {
                "pk": instance.pk,
                "email": instance.email,
                "organisation_id": instance.organisation_id,
                **{column: getattr(instance, column) for column in translated_columns("name")},
            }
        )
