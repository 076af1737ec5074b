"""Imports of participant lists: organisations and people (django-import-export).

Organisers send the list of firms and buyers before a meet; importing it
twice must not make two of anything, so an organisation is found by its Udyam
number, then its IEC, then its exact name in any language, and a person by
email, else by name and organisation.
"""

from import_export import fields

from access import scope
from portal.importing import (
    ChoiceWidget,
    CountryWidget,
    IdentifierWidget,
    OrganisationDirectory,
    OrganisationWidget,
    PortalResource,
    translated_columns,
)
from portal.text_search import fold

from .models import Organisation, Person


class DirectoryResource(PortalResource):
    """Organisations and people: a row may not change one outside the official's care."""

    def may_change(self, instance):
        return self.user is None or scope.may_change(self.user, instance)


class OrganisationResource(DirectoryResource):
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(Organisation.Kind.choices),
        saves_null_values=False,
    )
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    udyam_number = fields.Field(
        attribute="udyam_number", column_name="udyam_number", widget=IdentifierWidget()
    )
    iec = fields.Field(attribute="iec", column_name="iec", widget=IdentifierWidget())

    class Meta:
        model = Organisation
        fields = (*translated_columns("name"), "acronym", "kind", "country", "udyam_number", "iec")
        import_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.directory = OrganisationDirectory()

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
    honorific = fields.Field(
        attribute="honorific",
        column_name="honorific",
        widget=ChoiceWidget(Person.Honorific.choices),
        saves_null_values=False,
    )

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
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields["organisation"] = fields.Field(
            attribute="organisation",
            column_name="organisation",
            widget=OrganisationWidget(lambda: self.directory),
        )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.directory = OrganisationDirectory()
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
