"""How the report reader reads dates, figures, countries and names in four languages."""

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.intake import ReportError, read_report
from events.intake.dates import find_dates
from events.intake.numbers import figures
from events.intake.text import normalise

pytestmark = pytest.mark.django_db
DEVSET = Path(__file__).resolve().parents[2] / "events" / "intake" / "devset"
PUBLISHED = datetime.date(2025, 2, 20)


def dates(text, published_on=None):
    found = find_dates(normalise(text).normal, published_on)
    return [(start.isoformat(), end.isoformat()) for start, end, _a, _b in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("परिषद ६ व ७ नोव्हेंबर २०२५ या दोन दिवसांदरम्यान", ("2025-11-06", "2025-11-07")),
        ("7 व 8 मार्च रोजी मेळावा", ("2025-03-07", "2025-03-08")),
        ("सम्मेलन एक से तीन मार्च तक चलेगा", ("2025-03-01", "2025-03-03")),
        ("प्रदर्शन 28-30 दिसंबर 2024 को", ("2024-12-28", "2024-12-30")),
        ("همایش ۱۵ و ۱۶ آبان ۱۴۰۴ برگزار می‌شود", ("2025-11-06", "2025-11-07")),
        ("نمایشگاه از ۱۵ تا ۱۸ آبان ۱۴۰۳", ("2024-11-05", "2024-11-08")),
        ("The meet was held on November 6-7, 2025.", ("2025-11-06", "2025-11-07")),
        ("from 30 November to 2 December 2025", ("2025-11-30", "2025-12-02")),
        ("on 12.03.2024 at Lucknow", ("2024-03-12", "2024-03-12")),
    ],
)
def test_dates_and_ranges_in_each_language(text, expected):
    assert dates(text, PUBLISHED)[0] == expected


def test_a_date_without_a_year_takes_the_publication_year_or_none():
    assert dates("7 व 8 मार्च रोजी", PUBLISHED) == [("2025-03-07", "2025-03-08")]
    # Published in January, "28 December" is the December just past.
    assert dates("28 December", datetime.date(2025, 1, 5)) == [("2024-12-28", "2024-12-28")]
    assert dates("7 व 8 मार्च रोजी") == []


def test_an_n_day_event_with_one_date_ends_n_days_later():
    text = "इंदौर। पांच दिवसीय प्रशिक्षण कार्यक्रम का शुभारंभ 18 सितंबर 2024 को हुआ।"

    data = read_report(text).as_json()

    assert (data["start_date"], data["end_date"]) == ("2024-09-18", "2024-09-22")


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("या परिषदेत ३०० हून अधिक उद्योजक सहभागी झाले.", "msmes", (300, "more_than")),
        ("किमान ४० निर्यातदार सहभागी झाले.", "msmes", (40, "at_least")),
        ("सुमारे २५० प्रतिनिधी उपस्थित होते.", "participants", (250, "about")),
        ("सम्मेलन में 350 से अधिक उद्यमियों ने भाग लिया।", "msmes", (350, "more_than")),
        ("करीब 60 विदेशी खरीदार आए।", "foreign_buyers", (60, "about")),
        ("लगभग 150 प्रतिभागियों ने भाग लिया।", "participants", (150, "about")),
        ("بیش از ۲۰۰ شرکت در نمایشگاه حضور داشتند.", "msmes", (200, "more_than")),
        ("حدود ۴۰۰ ملاقات تجاری انجام شد.", "b2b_meetings", (400, "about")),
        ("سی و دو تفاهم‌نامه امضا شد.", "mous", (32, "exact")),
        ("More than 600 B2B meetings were held.", "b2b_meetings", (600, "more_than")),
        ("Up to 80 buyers are expected.", "foreign_buyers", (80, "up_to")),
        ("Twelve MoUs were signed.", "mous", (12, "exact")),
    ],
)
def test_figures_with_their_qualifiers(text, field, expected):
    value, qualifier, _start, _end = figures(normalise(text).normal)[field]

    assert (value, qualifier) == expected


def test_a_count_that_is_no_part_of_the_event_is_no_figure():
    text = "प्रदेश की 11,000 एमएसएमई इकाईयों का योगदान ही जीडीपी में प्रदर्शित होता है।"

    assert figures(normalise(text).normal) == {}


def test_countries_are_whole_words_and_the_host_is_no_target():
    # "هندسه" (engineering) holds "هند" (India); Iran hosts the meet.
    text = (
        "اراک - همایش صادرات با حضور مهندسان و کارشناسان هندسه صنعتی در اراک برگزار شد. "
        "خریداران از عراق و ارمنستان و ایران در این همایش شرکت کردند."
    )

    data = read_report(text).as_json()

    assert data["country"] == "IR"
    assert sorted(data["target_countries"]) == ["AM", "IQ"]


def test_marathi_country_names_with_case_endings_are_found():
    text = "पुणे : परिषदेत जपानमधील व जर्मनीतील खरेदीदार सहभागी झाले. भारतातील उद्योजक आले."

    data = read_report(text).as_json()

    assert sorted(data["target_countries"]) == ["DE", "JP"]
    assert data["country"] == "IN"


def test_spans_point_into_the_text_as_given():
    # Devanagari digits and a Persian zero-width non-joiner are normalised
    # away for reading; the spans still cut the original.
    text = "پونه: بیش از ۳۰۰ شرکت در نمایشگاه می‌شود حضور داشتند و ۴۱ خریدار خارجی آمدند."

    data = read_report(text).as_json()

    start, end = data["figures"]["foreign_buyers"]["spans"][0]
    assert text[start:end] == "۴۱ خریدار"
    start, end = data["figures"]["msmes"]["spans"][0]
    assert text[start:end] == "بیش از ۳۰۰ شرکت"


def test_offsets_survive_dropped_characters():
    text = normalise("मी\u200cशोध ۱۲")

    assert text.normal == "मीशोध 12"
    assert text.original_of(6, 8) == "۱۲"


def test_buyers_and_sellers_joined_in_either_order_make_a_buyer_seller_meet():
    text = "नागपूर : निर्यातदार-खरेदीदार संमेलनाचे आयोजन करण्यात आले. संमेलनात ४० उद्योजक आले."

    assert read_report(text).as_json()["kind"] == "buyer_seller_meet"


def test_marathi_number_words_with_a_joined_than():
    value, qualifier, _a, _b = figures(normalise("तीनशेहून अधिक उद्योजक सहभागी झाले.").normal)["msmes"]

    assert (value, qualifier) == (300, "more_than")


def test_english_report_title_town_and_a_country_that_looks_like_an_honorific():
    text = (
        "LUDHIANA: The India International Bicycle and Parts Trade Fair opened on 6 February "
        "2025. Buyers from Sri Lanka and Poland are visiting."
    )

    data = read_report(text).as_json()

    assert data["title"]["original"] == "India International Bicycle and Parts Trade Fair"
    assert (data["kind"], data["city"], data["country"]) == ("trade_fair", "Ludhiana", "IN")
    assert sorted(data["target_countries"]) == ["LK", "PL"]
    assert data["people"] == []


def test_a_town_known_only_in_latin_letters_is_spelt_out_from_the_dateline():
    text = "कोल्हापूर : फाउंड्री उत्पादनांचे प्रदर्शन १५ जानेवारी २०२५ रोजी भरवण्यात आले."

    assert read_report(text).as_json()["city"] == "Kolhapur"


SEEDS = [path.read_text(encoding="utf-8") for path in sorted(DEVSET.glob("*.txt"))]


# Each example reads a report: a few dozen keep the test to seconds.
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_piece_of_a_report_reads_or_is_refused_and_spans_stay_in_it(data):
    seed = data.draw(st.sampled_from(SEEDS))
    start = data.draw(st.integers(0, len(seed)))
    end = data.draw(st.integers(start, len(seed)))
    text = seed[start:end] + data.draw(st.text(max_size=20))

    try:
        proposal = read_report(text).as_json()
    except ReportError:
        return
    spans = [span for item in proposal["evidence"].values() for span in item.get("spans", [])]
    spans += [
        span for item in proposal["people"] + proposal["organisers"] for span in item["spans"]
    ]
    assert all(0 <= a <= b <= len(text) for a, b in spans)


def test_the_event_date_is_the_range_said_to_be_held_not_the_dateline():
    text = "पुणे, ता. ८ नोव्हेंबर : परिषद ६ व ७ नोव्हेंबर २०२५ रोजी आयोजित करण्यात आली."

    data = read_report(text, published_on=datetime.date(2025, 11, 8)).as_json()

    assert (data["start_date"], data["end_date"]) == ("2025-11-06", "2025-11-07")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("लखनऊ। मंत्री ने बुधवार को समीक्षा बैठक ली।", "2025-03-12"),
        ("همایش صادرات روز سه‌شنبه در اراک برگزار شد.", "2025-03-11"),
        ("The fair opened in Ludhiana on Thursday.", "2025-03-13"),
    ],
)
def test_a_weekday_is_dated_back_from_the_publication_date(text, expected):
    published = datetime.date(2025, 3, 14)  # a Friday

    assert read_report(text, published_on=published).as_json()["start_date"] == expected
    assert read_report(text).as_json()["start_date"] is None


def test_names_after_a_post_or_before_one_in_english_and_persian():
    english = (
        "LUDHIANA: The trade fair opened on 6 February 2025. Industries Minister Tarunpreet "
        "Singh Sond inaugurated the fair, and K. Ramesh, General Manager, proposed the vote "
        "of thanks."
    )
    persian = (
        "تبریز - محمدرضا صادقی، رئیس سازمان صنعت، معدن و تجارت استان در این نمایشگاه سخنرانی کرد."
    )

    people = {p["name_original"]: p["role"] for p in read_report(english).as_json()["people"]}
    assert people == {"Tarunpreet Singh Sond": "inaugurated", "K. Ramesh": "vote_of_thanks"}
    people = read_report(persian).as_json()["people"]
    assert [(p["name_original"], p["role"]) for p in people] == [("محمدرضا صادقی", "speaker")]


def test_english_organisers_named_x_of_y_are_kept_whole_and_apart():
    text = (
        "Delhi, 3 March 2025: The seminar was organised by the Ministry of Micro, Small and "
        "Medium Enterprises and FICCI Council at Vigyan Bhawan, with support from the "
        "Engineering Export Promotion Council of India."
    )

    organisers = read_report(text).as_json()["organisers"]

    assert [(o["original"], o["role"]) for o in organisers] == [
        ("Ministry of Micro, Small and Medium Enterprises", "organiser"),
        ("FICCI Council", "organiser"),
        ("Engineering Export Promotion Council of India", "partner"),
    ]


def test_entrepreneurs_at_a_workshop_are_its_participants():
    text = "नाशिक : निर्यात कार्यशाळा १२ डिसेंबर २०२४ रोजी झाली. सुमारे २५० उद्योजक सहभागी झाले."

    figures_read = read_report(text).as_json()["figures"]

    assert figures_read["participants"]["value"] == 250
    assert "msmes" not in figures_read
