"""The report reader (events.intake): what an official pasting a press note gets."""

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from events.intake import ReportError, read_report
from events.models import Event
from orgs.models import Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory, SchemeFactory

DEVSET = Path(__file__).resolve().parents[2] / "events" / "intake" / "devset"
pytestmark = pytest.mark.django_db


def seed(number):
    return next(DEVSET.glob(f"seed_{number}_*.txt")).read_text(encoding="utf-8")


def test_marathi_meet_gives_its_headline_figures_with_qualifiers():
    figures = read_report(seed("000")).as_json()["figures"]

    pairs = {name: (f["value"], f["qualifier"]) for name, f in figures.items()}
    assert pairs["msmes"] == (300, "more_than")
    assert pairs["foreign_buyers"] == (41, "exact")
    assert pairs["buyer_countries"] == (16, "exact")
    assert pairs["b2b_meetings"] == (500, "more_than")
    assert pairs["mous"] == (32, "exact")


def test_marathi_meet_names_the_chief_guest_of_the_valedictory_session():
    text = seed("000")
    people = read_report(text).as_json()["people"]

    jeena = next(p for p in people if p["name_original"] == "नरेंद्र जीना")
    assert (jeena["role"], jeena["session"]) == ("chief_guest", "valedictory")
    start, end = jeena["spans"][0]
    assert text[start:end] == "नरेंद्र जीना"


def test_marathi_meet_dates_and_place():
    data = read_report(seed("000")).as_json()

    assert (data["start_date"], data["end_date"]) == ("2025-11-06", "2025-11-07")
    assert (data["kind"], data["city"], data["country"]) == ("buyer_seller_meet", "Pune", "IN")


def test_persian_report_without_dates_leaves_them_empty():
    data = read_report(seed("004"), published_on=datetime.date(2025, 11, 8)).as_json()

    assert data["language"] == "fa"
    assert data["start_date"] is None and data["end_date"] is None
    assert set(data["target_countries"]) == {"IQ", "AF", "UZ", "AM"}
    assert "IR" not in data["target_countries"]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t ", "मराठी " * 1_000_000],
    ids=["empty", "blank", "five-megabytes"],
)
def test_unreadable_reports_are_refused_in_the_officials_language(text):
    with pytest.raises(ReportError) as error:
        read_report(text)

    with translation.override("hi"):
        assert "रिपोर्ट" in str(error.value.message)


def test_report_in_another_language_is_refused():
    german = "Die Messe fand am 6. November in Pune statt, mit mehr als 300 Firmen aus Indien."

    with pytest.raises(ReportError) as error:
        read_report(german)

    with translation.override("mr"):
        assert str(error.value.message).startswith("अहवाल इंग्रजी, हिंदी, मराठी किंवा फारसी")


def test_people_and_organisers_are_matched_to_the_directory():
    person = PersonFactory(name_en="Narendra Jeena", name_mr="नरेंद्र जीना")
    organisation = OrganisationFactory(name_mr="महाराष्ट्र लघु उद्योग विकास महामंडळ")

    data = read_report(seed("000")).as_json()

    jeena = next(p for p in data["people"] if p["name_original"] == "नरेंद्र जीना")
    assert jeena["person"] == person.pk
    corporation = next(o for o in data["organisers"] if o["original"].startswith("महाराष्ट्र"))
    assert corporation["organisation"] == organisation.slug


def test_reading_writes_nothing():
    counts = (Person.objects.count(), Organisation.objects.count(), Event.objects.count())

    read_report(seed("001"))

    assert (Person.objects.count(), Organisation.objects.count(), Event.objects.count()) == counts


def test_schemes_from_the_directory_and_from_quotation_marks():
    ramp = SchemeFactory(acronym="RAMP")
    english = "Guwahati, 12 March 2024: an export workshop was held today under the RAMP scheme."

    assert read_report(english).as_json()["schemes"] == [ramp.slug]
    text = seed("000")
    data = read_report(text).as_json()
    start, end = data["evidence"]["schemes"]["रॅम्प"]["spans"][0]
    assert text[start:end] == "रॅम्प"


def test_the_english_name_a_marathi_report_gives_is_the_titles_english():
    text = seed("001")

    data = read_report(text).as_json()

    assert data["kind"] == "workshop"
    assert data["title"]["en"] == (
        "Industry and Government Networking for Inclusive Transformation and Empowerment "
        "(IGNITE–2026)"
    )
    assert [text[a:b] for a, b in data["evidence"]["title"]["spans"]][1] == data["title"]["en"]


def test_persian_organiser_that_speaks_of_holding_the_event_is_proposed_once():
    organisers = read_report(seed("004")).as_json()["organisers"]

    names = [o["original"] for o in organisers]
    # The report names it with "صنایع و عمران" and with "صنعتی": proposed once.
    basij = [name for name in names if name.startswith("سازمان بسیج مهندسان")]
    assert len(basij) == 1 and basij[0].endswith("استان مرکزی")
    assert "اتاق بازرگانی صنعت، معدن و تجارت" in names
