"""`manage.py load_demo`: what a visitor of a freshly set-up portal finds."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from devtools.demo import load_demo
from devtools.demo_data import sample_events
from events.models import (
    B2BMeeting,
    Event,
    EventOrganiser,
    EventRole,
    EventSeries,
    MoU,
    MoUParty,
    Scheme,
    Session,
)
from orgs.models import Organisation, Person, Region, Sector
from participants.models import RegistrationQuestion, RegistrationSettings

pytestmark = pytest.mark.django_db

MODELS = [
    RegistrationSettings,
    RegistrationQuestion,
    Region,
    Sector,
    Organisation,
    Person,
    Scheme,
    EventSeries,
    Event,
    EventOrganiser,
    Session,
    EventRole,
    MoU,
    MoUParty,
    B2BMeeting,
]
TIMESTAMPED = [Organisation, Person, Event, MoU, B2BMeeting]
PUNE = "international-buyer-seller-meet-pune-2025"


def run_command(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Row counts of every model loaded, and when each timestamped row was last saved."""
    return (
        {model.__name__: model.objects.count() for model in MODELS},
        {
            model.__name__: dict(model.objects.values_list("pk", "updated_at"))
            for model in TIMESTAMPED
        },
    )


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """Today, held still: a run that straddles midnight would move the sample dates."""
    today = timezone.localdate()
    monkeypatch.setattr(timezone, "localdate", lambda: today)
    return today


@pytest.fixture
def loaded():
    run_command()


def test_second_run_creates_nothing_and_saves_nothing(loaded):
    before = snapshot()

    output = run_command()

    assert "0 records created, 0 updated" in output
    assert snapshot() == before


def test_second_run_counts_every_record_unchanged(loaded):
    counts = load_demo()

    assert counts["created"] == 0
    assert counts["updated"] == 0
    assert counts["unchanged"] == sum(model.objects.count() for model in MODELS)


def test_a_day_later_only_the_sample_dates_move(loaded, today, monkeypatch):
    tomorrow = today + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)

    counts = load_demo()

    samples = sample_events(tomorrow)
    assert counts["created"] == 0
    # Each sample's dates, and the closing date of those taking registrations.
    taking_registrations = sum("registration" in data for data in samples.values())
    assert counts["updated"] == len(samples) + taking_registrations
    for slug, data in samples.items():
        assert Event.objects.get(slug=slug).start_date == data["start_date"]


def test_the_nashik_sample_takes_registrations_with_its_questions(loaded, today):
    meet = RegistrationSettings.objects.get(
        event__slug="sample-engineering-buyer-seller-meet-nashik"
    )
    assert (meet.seller_places, meet.buyer_places, meet.visitor_places) == (30, 10, 20)
    assert timezone.localtime(meet.closes_at).date() == today + timedelta(days=10)
    questions = RegistrationQuestion.objects.filter(event_id=meet.event_id)
    with translation.override("mr"):
        assert [q.text for q in questions] == [
            "निर्यात उलाढालीचा गट",
            "RCMC क्रमांक, असल्यास",
            "तुम्हाला दुभाष्याची गरज आहे का?",
        ]


def test_pune_meet_headline_figures(loaded):
    meet = Event.objects.get(slug=PUNE)

    assert (meet.foreign_buyers, meet.foreign_buyers_qualifier) == (41, "exact")
    assert (meet.buyer_countries, meet.buyer_countries_qualifier) == (16, "exact")
    assert (meet.msmes, meet.msmes_qualifier) == (300, "at_least")
    assert (meet.b2b_meetings, meet.b2b_meetings_qualifier) == (500, "at_least")
    assert (meet.mous, meet.mous_qualifier) == (32, "exact")
    assert str(meet.start_date) == "2025-11-06"
    assert str(meet.end_date) == "2025-11-07"


def test_pune_meet_reads_in_marathi_as_the_article_wrote_it(loaded):
    meet = Event.objects.get(slug=PUNE)

    with translation.override("mr"):
        title = meet.title

    assert title == "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
    assert all("\u0900" <= char <= "\u097f" for char in title if char not in " -")
    assert meet.source_language == "mr"


def test_the_pune_meet_is_the_2nd_edition_of_its_series_after_a_1st_without_figures(loaded):
    series = EventSeries.objects.get(slug="international-buyer-seller-meet-pune")
    first, second = series.editions.order_by("edition")

    assert (second.slug, second.edition) == (PUNE, 2)
    assert first.edition == 1 and first.start_date < second.start_date
    assert first.organisers.get().slug == "mssidc"
    # The reports give no figure for the 1st edition, and its date is a placeholder.
    assert first.figures() == []
    assert first.description_en.startswith("Sample data: the date is a placeholder.")
    assert series.name_mr == "आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद, पुणे"
    assert series.name_hi and series.name_fa


def test_narendra_jeena_is_chief_guest_of_the_valedictory_session(loaded):
    role = EventRole.objects.get(event__slug=PUNE, role="chief_guest")

    assert role.person.name_en == "Narendra Jeena"
    assert role.person.name_mr == "नरेंद्र जीना"
    assert role.session.kind == Session.Kind.VALEDICTORY
    # The post he held at the meet is kept with the role.
    assert role.designation_en == "Deputy Director, RAMP Division"


def test_inaugural_session_names_the_four_dignitaries(loaded):
    inaugural = Session.objects.get(event__slug=PUNE, kind=Session.Kind.INAUGURAL)

    names = {role.person.name_mr for role in inaugural.roles.all()}

    assert names == {"विकास पानसरे", "विनोद कुमार", "प्रशाली दिघावकर", "सुषमा मोरथानिया"}
    pansare = Person.objects.get(name_en="Vikas Pansare")
    assert str(pansare) == "Shri Vikas Pansare (IAS)"


def test_arak_conference_is_to_be_announced_and_aims_at_four_markets(loaded):
    conference = Event.objects.get(slug="markazi-investment-export-conference")

    assert conference.start_date is None
    assert conference.end_date is None
    assert conference.timing == "tba"
    assert set(conference.target_countries.values_list("code", flat=True)) == {
        "IQ",
        "AF",
        "UZ",
        "AM",
    }
    assert conference.region.name_fa == "اراک"
    assert conference.region.parent.slug == "markazi"


def test_ignite_mou_has_three_parties(loaded):
    mou = MoU.objects.get(event__slug="ignite-2026-mumbai")

    parties = list(mou.party_links.values_list("organisation__slug", "role"))

    assert parties == [
        ("joint-director-of-industries-mumbai", "party"),
        ("aiai", "party"),
        ("wtc-mumbai", "party"),
    ]
    assert str(mou.signed_on) == "2026-02-03"
    assert "एक तालुका दहा निर्यातदार" in mou.activities_mr


def test_upcoming_meets_include_the_samples_marked_as_such(loaded, today):
    upcoming = Event.objects.published().upcoming()
    samples = upcoming.filter(slug__startswith="sample-")

    assert samples.count() == len(sample_events(today))
    for event in samples:
        assert "(sample)" in event.title_en
        assert event.description_en.startswith("Sample data:")


def test_without_samples_only_real_events_are_loaded():
    run_command("--no-samples")

    assert not Event.objects.filter(slug__startswith="sample-").exists()
    assert not B2BMeeting.objects.exists()
    # The reports' four events; the Pune meet's 1st edition, whose date is a
    # placeholder, is left out with the samples.
    assert Event.objects.published().count() == 4
    assert Event.objects.get(edition__isnull=False).slug == PUNE
