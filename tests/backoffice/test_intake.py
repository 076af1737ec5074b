"""New event from a report: the pages, the proposal carried to the add form, the save.

These tests give the pages a proposal made by hand (the reader's own tests
and the browser walk read the seeds with the real reader), so that each
mapping of a proposed value to the form is pinned down.
"""

import datetime
import io
import re
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import events.intake
from access.roles import DATA_ENTRY, REPORT_VIEWER
from backoffice import intake
from events.models import Event, Session
from orgs.models import Organisation, Person
from tests.admin_forms import change_form, form_errors
from tests.backoffice.test_admin_languages import english_interface_strings, english_on
from tests.conftest import official

# The seeds, as the reader's development set keeps them.
DEVSET = Path(events.intake.__file__).parent / "devset"
SEED_000 = next(DEVSET.glob("seed_000_*.txt")).read_text()
INTAKE = reverse("admin:events_event_intake")
EVENT_LIST = reverse("admin:events_event_changelist")


def span(words):
    start = SEED_000.index(words)
    return [[start, start + len(words)]]


def seen(words, confidence=0.9):
    return {"spans": span(words), "confidence": confidence}


def proposal_000():
    """What the reader proposes from seed 000, one person and one body not in the directory."""
    jeena = Person.objects.get(name_en="Narendra Jeena")
    return {
        "language": "mr",
        "title": {"original": "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद", "en": None},
        "kind": "buyer_seller_meet",
        "start_date": "2025-11-06",
        "end_date": "2025-11-07",
        "city": "Pune",
        "state": "Maharashtra",
        "country": "IN",
        "venue": "फोर पॉइंट्स बाय शेरेटन",
        "organisers": [
            {"original": "महाराष्ट्र लघु उद्योग विकास महामंडळ", "organisation": "mssidc"}
            | seen("महाराष्ट्र लघु उद्योग विकास महामंडळ"),
            {"original": "इंडिया एस एम इ फोरम", "en": "India SME Forum", "organisation": None}
            | seen("इंडिया एस एम इ फोरम", 0.5),
        ],
        "schemes": ["RAMP", "रॅम्प"],  # the second, as the report writes it, is no record's name
        "figures": {
            "msmes": {"value": 300, "qualifier": "more_than"} | seen("३०० हून अधिक"),
            "foreign_buyers": {"value": 41, "qualifier": "exact"} | seen("४१ परदेशी"),
            "buyer_countries": {"value": 16, "qualifier": "exact"} | seen("१६ देशांतील"),
            "b2b_meetings": {"value": 500, "qualifier": "more_than"} | seen("५०० हून अधिक"),
            "mous": {"value": 32, "qualifier": "exact"} | seen("३२ सामंजस्य"),
        },
        "target_countries": [],
        "people": [
            {
                "name_original": "नरेंद्र जीना",
                "name_en": "Narendra Jeena",
                "designation_original": "उपसंचालक",
                "role": "chief_guest",
                "session": "valedictory",
                "person": jeena.pk,
            }
            | seen("नरेंद्र जीना"),
            {
                "name_original": "विनोद कुमार",
                "name_en": "Vinod Kumar",
                "designation_original": "अध्यक्ष",
                "role": "present",
                "session": "inaugural",
                "person": None,
            }
            | seen("विनोद कुमार", 0.6),
        ],
        "evidence": {
            "title": seen("द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"),
            "kind": seen("खरेदीदार-विक्रेता परिषद"),
            "start_date": seen("६ व ७ नोव्हेंबर २०२५"),
            "end_date": seen("६ व ७ नोव्हेंबर २०२५"),
            "city": {"spans": [[0, 4]], "confidence": 0.8},
            "venue": seen("फोर पॉइंट्स बाय शेरेटन"),
            "country": {"spans": [], "confidence": 0.5},
            "target_countries": {},
        },
    }


class Read:
    def __init__(self, data):
        self.data = data

    def as_json(self):
        return self.data


@pytest.fixture
def reader(monkeypatch):
    """The reader, proposing `proposal_000()` and noting what it was asked."""
    asked = []

    def read_report(text, language=None, published_on=None):
        asked.append((text, language, published_on))
        return Read(proposal_000())

    monkeypatch.setattr("events.intake.read_report", read_report)
    return asked


@pytest.fixture
def clerk(demo, client):
    """A data-entry official of MSSIDC, logged in, working in Marathi."""
    client.force_login(official("clerk", DATA_ENTRY, Organisation.objects.get(slug="mssidc")))
    client.cookies["django_language"] = "mr"
    return client


def proposal_page(client, text=SEED_000, **fields):
    response = client.post(INTAKE, {"text": text, "language": "", **fields})
    assert response.status_code == 302, response.context["form"].errors
    return response["Location"]


def test_the_event_list_offers_it_to_those_who_may_add_events(clerk, client):
    assert INTAKE in clerk.get(EVENT_LIST).content.decode()
    viewer = official("viewer", REPORT_VIEWER, Organisation.objects.get(slug="mssidc"))
    client.force_login(viewer)
    assert client.get(INTAKE).status_code == 403
    assert client.post(INTAKE, {"text": SEED_000}).status_code == 403


def test_the_proposal_is_shown_beside_the_report_with_its_words_marked(clerk, reader):
    events = Event.objects.count()
    page = clerk.get(proposal_page(clerk, published_on="२०२५-११-०८")).content.decode()

    assert reader == [(SEED_000.strip(), None, datetime.date(2025, 11, 8))]
    assert Event.objects.count() == events
    # The words each value was read from are marked and lead to the value.
    mark = re.search(r'<mark id="([^"]+)"[^>]*><a href="#proposed-figures-mous">([^<]*)</a>', page)
    assert mark and mark[2] == "३२ सामंजस्य"
    assert f'href="#{mark[1]}"' in page
    # Each value is ticked, in the official's language and digits.
    assert 'value="figures.msmes" checked' in page
    assert "३०० हून अधिक" in page
    assert "नवीन" in page  # the person not in the directory is "new"
    # A scheme the portal does not know cannot be kept, and says why.
    assert 'value="schemes.1" disabled' in page
    assert "पोर्टलच्या नोंदींमध्ये नाही" in page


def test_the_values_ticked_open_the_add_form_filled_in(clerk, reader):
    proposal = proposal_page(clerk)
    kept = [key for key in intake.items(proposal_000()) if key.key != "figures.mous"]
    response = clerk.post(proposal, {"keep": [item.key for item in kept]})
    add = response["Location"]
    assert add.startswith(reverse("admin:events_event_add"))

    form = clerk.get(add).context["adminform"].form
    assert form.initial["title_mr"] == "द्वितीय आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद"
    assert form.initial["start_date"] == datetime.date(2025, 11, 6)
    assert form.initial["city_en"] == "Pune" and form.initial["city_mr"] == "पुणे"
    assert form.initial["msmes"] == 300 and form.initial["msmes_qualifier"] == "at_least"
    assert "mous" not in form.initial  # unticked
    assert form.initial["source_report"] == SEED_000.strip()


def test_saving_the_filled_form_records_the_draft_its_people_and_sessions(clerk, reader):
    proposal = proposal_page(clerk)
    add = clerk.post(proposal, {"keep": [item.key for item in intake.items(proposal_000())]})
    add = add["Location"]
    people = Person.objects.count()

    response = clerk.post(add, change_form(clerk, add))

    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get(source_report=SEED_000.strip())
    assert event.status == Event.Status.DRAFT
    assert event.source_report == SEED_000.strip() and event.source_language == "mr"
    assert event.start_date == datetime.date(2025, 11, 6)
    assert event.end_date == datetime.date(2025, 11, 7)
    assert event.region.slug == "maharashtra" and event.country_id == "IN"
    assert [s.acronym for s in event.schemes.all()] == ["RAMP"]
    assert event.figures()[0][1:] == (300, "at_least")
    assert (event.foreign_buyers, event.buyer_countries, event.b2b_meetings, event.mous) == (
        41,
        16,
        500,
        32,
    )
    # The organiser known to the directory is linked; the other is added to it.
    organisers = [link.organisation for link in event.organiser_links.all()]
    assert organisers[0].slug == "mssidc"
    assert organisers[1].name_mr == "इंडिया एस एम इ फोरम"
    assert organisers[1].name_en == "India SME Forum"
    # Narendra Jeena, from the directory, chief guest of the valedictory session;
    # Vinod Kumar added to the directory, at the inaugural one.
    roles = {role.person.name_en: role for role in event.roles.select_related("person", "session")}
    assert roles["Narendra Jeena"].role == "chief_guest"
    assert roles["Narendra Jeena"].session.kind == Session.Kind.VALEDICTORY
    assert roles["Vinod Kumar"].person.name_mr == "विनोद कुमार"
    assert roles["Vinod Kumar"].session.kind == Session.Kind.INAUGURAL
    assert roles["Vinod Kumar"].role == "attended"
    assert Person.objects.count() == people + 1
    assert sorted(event.sessions.values_list("kind", flat=True)) == ["inaugural", "valedictory"]


def test_the_officials_organisation_joins_the_organisers_and_must_stay(demo, client, reader):
    aiai = Organisation.objects.get(slug="aiai")
    client.force_login(official("outsider", DATA_ENTRY, aiai))
    client.cookies["django_language"] = "mr"
    keep = ["title", "kind", "country", "organisers.0", "organisers.1"]
    add = client.post(proposal_page(client), {"keep": keep})["Location"]

    organisers = client.get(add).context["inline_admin_formsets"][0].formset
    assert [form.initial.get("organisation") for form in organisers.forms] == [
        Organisation.objects.get(slug="mssidc").pk,
        None,  # India SME Forum, new to the directory
        aiai.pk,
    ]
    # Without it, the event would be no one's the official works for: refused,
    # however new the other organisers are.
    data = change_form(client, add) | {"organiser_links-2-DELETE": "on"}
    counts = Event.objects.count(), Organisation.objects.count()
    response = client.post(add, data)

    assert response.status_code == 200
    organisers = response.context["inline_admin_formsets"][0].formset
    assert [e.code for e in organisers.non_form_errors().as_data()] == ["outside_scope"]
    assert (Event.objects.count(), Organisation.objects.count()) == counts


def test_someone_elses_report_is_not_found(clerk, reader, client):
    proposal = proposal_page(clerk)
    assert clerk.get(proposal.replace("/from-report/", "/from-report/x")).status_code == 404
    assert clerk.get(reverse("admin:events_event_add") + "?report=guessed").status_code == 404


def test_a_persian_official_gives_the_publication_date_in_the_solar_hijri_calendar(clerk, reader):
    clerk.cookies["django_language"] = "fa"
    proposal_page(clerk, published_on="۱۴۰۴-۰۸-۱۷")
    assert reader[0][2] == datetime.date(2025, 11, 8)


def test_an_uploaded_word_document_is_read_by_the_reader(clerk):
    document = docx.Document()
    for line in SEED_000.splitlines():
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    upload = SimpleUploadedFile("report.docx", data.getvalue())

    response = clerk.post(INTAKE, {"file": upload, "language": "mr"})

    assert response.status_code == 302, response.context["form"].errors
    page = clerk.get(response["Location"]).content.decode()
    assert '<a href="#proposed-figures-mous">३२ सामंजस्य' in page
    assert "नरेंद्र जीना" in page


@pytest.mark.parametrize("lang", ["hi", "mr", "fa"])
def test_the_pages_read_wholly_in_the_officials_language(clerk, reader, lang):
    clerk.cookies["django_language"] = lang
    proposal = proposal_page(clerk)
    add = clerk.post(proposal, {"keep": [item.key for item in intake.items(proposal_000())]})
    interface = english_interface_strings()
    for url in (EVENT_LIST, INTAKE, proposal, add["Location"]):
        page = clerk.get(url).content.decode()
        assert english_on(page, interface) == set(), url
    assert f'dir="{"rtl" if lang == "fa" else "ltr"}"' in clerk.get(proposal).content.decode()


def test_the_proposal_page_costs_the_same_queries_however_many_people(clerk, monkeypatch):
    # (The add form it opens costs what any event page with as many rows does:
    # Django's autocomplete reads each row's chosen person on its own.)
    def queries(copies):
        proposal = proposal_000()
        proposal["people"] *= copies
        proposal["organisers"] *= copies
        monkeypatch.setattr("events.intake.read_report", lambda *args, **kwargs: Read(proposal))
        page = proposal_page(clerk)
        with CaptureQueriesContext(connection) as shown:
            clerk.get(page)
        return len(shown)

    assert queries(1) == queries(10)
