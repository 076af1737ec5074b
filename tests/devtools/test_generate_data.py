"""`manage.py generate_data`: the national dataset, at a thousandth of its size."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.db.models import Count, F

from devtools.generate import COUNTS, generate
from devtools.generate.writing import writer
from events.models import B2BMeeting, Event, EventOrganiser, EventRole, MoU, MoUParty, Session
from orgs.models import Organisation, Person, Region
from orgs.validators import validate_iec, validate_udyam_number
from portal.text_search import fold

pytestmark = pytest.mark.django_db

SCALE = 0.001


def run(*args):
    out = StringIO()
    call_command("generate_data", "--scale", str(SCALE), *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """One dataset for the module's tests, rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        # --if-empty generates on an empty database.
        yield run("--seed", "0", "--if-empty")
        transaction.set_rollback(True)


def snapshot(seed):
    """The titles and slugs a seed gives, the database left as it was."""
    with transaction.atomic():
        generate(scale=SCALE, seed=seed, report=lambda line: None)
        events = list(Event.objects.order_by("pk").values_list("title_mr", "slug"))
        organisations = list(Organisation.objects.order_by("pk").values_list("name", "slug"))
        transaction.set_rollback(True)
    return events, organisations


def test_counts_follow_the_scale(generated):
    for model, name in [
        (Event, "events"),
        (Organisation, "organisations"),
        (Person, "people"),
        (EventRole, "roles"),
        (MoU, "mous"),
        (B2BMeeting, "meetings"),
    ]:
        assert model.objects.count() == round(COUNTS[name] * SCALE), name
    assert Session.objects.exists()
    assert not Event.objects.annotate(n=Count("organiser_links")).filter(n=0).exists()
    assert not MoU.objects.annotate(n=Count("party_links")).filter(n__lt=2).exists()
    assert MoUParty.objects.count() >= 2 * MoU.objects.count()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(generated):
    first = snapshot(7)
    assert snapshot(7) == first
    assert snapshot(8) != first


def test_identifiers_are_valid_and_unique(generated):
    msmes = Organisation.objects.filter(kind=Organisation.Kind.MSME)
    numbers = list(msmes.values_list("udyam_number", flat=True))
    assert numbers and "" not in numbers
    for number in numbers:
        validate_udyam_number(number)
    iecs = [iec for iec in Organisation.objects.values_list("iec", flat=True) if iec]
    assert iecs
    for iec in iecs:
        validate_iec(iec)
    assert len(set(iecs)) == len(iecs)


def test_meetings_keep_the_booking_rules(generated):
    meetings = list(
        B2BMeeting.objects.values_list(
            "event", "buyer", "seller", "starts_at", "status", "value", "currency"
        )
    )
    assert not [m for m in meetings if m[1] == m[2]]
    booked = [m for m in meetings if m[4] != B2BMeeting.Status.CANCELLED]
    assert max(Counter((m[0], m[1], m[3]) for m in booked).values()) == 1
    assert max(Counter((m[0], m[2], m[3]) for m in booked).values()) == 1
    assert all(m[6] for m in meetings if m[5] is not None)
    buyers = {m[1] for m in meetings}
    assert set(Organisation.objects.filter(pk__in=buyers).values_list("kind", flat=True)) == {
        Organisation.Kind.FOREIGN_BUYER
    }


def test_a_published_meet_has_500_meetings_and_the_command_names_it(generated):
    big = Event.objects.published().annotate(n=Count("meetings")).get(n__gte=500)
    assert big.kind == Event.Kind.BUYER_SELLER_MEET
    assert f"Published event with 500 B2B meetings: {big.slug}" in generated


def test_text_in_all_four_languages_and_drafts_among_the_events(generated):
    for lang in ("en", "hi", "mr", "fa"):
        assert Event.objects.exclude(**{f"title_{lang}": None}).exists(), lang
        assert Region.objects.exclude(**{f"name_{lang}": None}).exists(), lang
    indian = Event.objects.filter(country="IN").first()
    assert in_script(indian.title_hi, DEVANAGARI) and in_script(indian.title_mr, DEVANAGARI)
    iranian = Event.objects.filter(country="IR").first()
    assert in_script(iranian.title_fa, PERSIAN)
    assert Person.objects.exclude(name_hi=None).exists()
    assert Person.objects.exclude(name_fa=None).exists()
    drafts = Event.objects.filter(status=Event.Status.DRAFT).count()
    assert 0 < drafts < Event.objects.count() / 4


def test_some_meets_are_moved_called_off_or_held_online_and_keep_the_rules(generated):
    statuses = Counter(Event.objects.values_list("schedule", flat=True))
    assert set(statuses) == set(Event.Schedule.values)
    assert statuses[Event.Schedule.SCHEDULED] > 0.8 * Event.objects.count()
    for event in Event.objects.exclude(schedule=Event.Schedule.SCHEDULED)[:200]:
        event.full_clean(exclude=["slug"])  # the rules an official's save goes through
    rescheduled = Event.objects.filter(schedule=Event.Schedule.RESCHEDULED)
    assert not rescheduled.filter(previous_start_date__gte=F("start_date")).exists()


def in_script(text, letters):
    """Whether every letter of `text` is of the script `letters` ranges over."""
    return all(letters[0] <= ch <= letters[1] for ch in text if ch.isalpha())


DEVANAGARI = ("\u0900", "\u097f")
PERSIAN = ("\u0600", "\u06ff")


def test_roles_keep_to_their_event_and_copy_the_post(generated):
    in_sessions = EventRole.objects.exclude(session=None)
    assert in_sessions.exists()
    assert not in_sessions.exclude(session__event=F("event")).exists()
    for role in EventRole.objects.select_related("person")[:20]:
        assert role.designation == role.person.designation
        assert role.organisation_id == role.person.organisation_id


@pytest.mark.parametrize("model", [Event, Organisation])
def test_search_text_is_what_save_writes(generated, model):
    for record in model.objects.select_related("region__parent")[:20]:
        assert record.search_text == fold(" ".join(record._searchable_texts()))


@pytest.mark.parametrize(("lang", "country"), [("mr", "IN"), ("fa", "IR")])
def test_the_public_list_finds_an_event_by_its_title(generated, client, lang, country):
    event = Event.objects.published().filter(country=country).first()
    title = getattr(event, f"title_{lang}")

    response = client.get(f"/{lang}/events/", {"q": title, "when": "all"})

    assert event.slug in {found.slug for found in response.context["rows"]}


def test_new_records_get_ids_after_the_generated_ones(generated):
    last = Event.objects.order_by("pk").last().pk

    event = Event.objects.create(
        title="After the dataset", kind=Event.Kind.SEMINAR, country_id="IN"
    )

    assert event.pk > last


def test_if_empty_does_nothing_on_a_filled_database(generated):
    before = Event.objects.count(), B2BMeeting.objects.count()

    output = run("--if-empty")

    assert "nothing generated" in output
    assert (Event.objects.count(), B2BMeeting.objects.count()) == before


def test_a_scale_too_small_is_refused():
    with pytest.raises(CommandError, match="too small"):
        call_command("generate_data", "--scale", "0.00001")


def test_a_missing_record_is_caught_at_the_end():
    with transaction.atomic():
        out = writer(lambda line: None)
        out.insert(
            EventOrganiser,
            [{"event_id": 10**9, "organisation_id": 10**9, "role": "organiser", "order": 1}],
        )
        with pytest.raises(IntegrityError):
            out.check_foreign_keys()
        transaction.set_rollback(True)


def test_the_generated_schedules_break_no_rule(generated):
    """Every meeting generated keeps the rules the back-office holds to (events.integrity)."""
    out = StringIO()
    call_command("check_integrity", stdout=out)
    assert B2BMeeting.objects.count() == round(COUNTS["meetings"] * SCALE)
    assert out.getvalue().rstrip().endswith("0 violations.")
