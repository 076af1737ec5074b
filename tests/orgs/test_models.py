import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from orgs.models import Country, Organisation, Region
from tests.factories import DistrictFactory, OrganisationFactory, RegionFactory, country

pytestmark = pytest.mark.django_db


class TestCountries:
    def test_every_iso_country_is_loaded_with_names_in_four_languages(self):
        assert Country.objects.count() == 249
        india = country("IN")
        assert (india.name_en, india.name_hi, india.name_mr, india.name_fa) == (
            "India",
            "भारत",
            "भारत",
            "هند",
        )
        assert country("IR").name_fa == "ایران"


class TestIdentifiers:
    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            (
                "udyam_number",
                "UDYAM-MH-26-12345",
                "Enter a Udyam registration number in the form UDYAM-MH-26-0012345.",
            ),
            (
                "iec",
                "ABCDE1234",
                "Enter an Importer-Exporter Code of exactly 10 capital letters and digits.",
            ),
        ],
    )
    def test_bad_identifiers_are_refused_with_the_expected_form(self, field, value, message):
        firm = OrganisationFactory.build(kind=Organisation.Kind.MSME, **{field: value})
        with pytest.raises(ValidationError) as excinfo:
            firm.full_clean()
        assert excinfo.value.message_dict[field] == [message]

    def test_identifiers_typed_in_lower_case_are_accepted(self):
        firm = OrganisationFactory.build(udyam_number=" udyam-mh-26-0012345 ", iec="aaacm1234f")
        firm.full_clean()
        assert (firm.udyam_number, firm.iec) == ("UDYAM-MH-26-0012345", "AAACM1234F")

    def test_two_firms_cannot_share_a_udyam_number(self):
        OrganisationFactory(udyam_number="UDYAM-MH-26-0012345")
        twin = OrganisationFactory.build(udyam_number="UDYAM-MH-26-0012345")
        with pytest.raises(ValidationError) as excinfo:
            twin.full_clean()
        assert "Another organisation already has this Udyam registration number." in str(
            excinfo.value
        )
        with pytest.raises(IntegrityError), transaction.atomic():
            twin.save()

    def test_many_firms_may_have_no_identifiers(self):
        OrganisationFactory(udyam_number="", iec="")
        OrganisationFactory(udyam_number="", iec="")
        assert Organisation.objects.filter(udyam_number="").count() == 2


class TestRegions:
    def test_a_district_needs_its_state(self):
        district = Region(country=country("IN"), kind=Region.Kind.DISTRICT, name_en="Pune")
        with pytest.raises(ValidationError) as excinfo:
            district.full_clean()
        assert excinfo.value.message_dict["parent"] == [
            "Choose the state this district belongs to."
        ]

    def test_a_district_is_shown_with_its_state(self):
        assert str(DistrictFactory()) == "Pune, Maharashtra"

    def test_a_state_of_another_country_is_refused(self):
        markazi = RegionFactory(country=country("IR"), name_en="Markazi", slug="markazi")
        district = Region(
            country=country("IN"), kind=Region.Kind.DISTRICT, parent=markazi, name_en="Pune"
        )
        with pytest.raises(ValidationError) as excinfo:
            district.full_clean()
        assert "parent" in excinfo.value.message_dict
