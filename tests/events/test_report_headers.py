"""Every report's column headers as written for each language: no capitalised
field names ("Msmes", "B2b meetings", "Mous") and no English left in Hindi,
Marathi or Persian."""

import re
from decimal import Decimal

import pytest

from events.exporters import EXPORTERS, EventsRegister, OutcomesSummary
from tests.factories import B2BMeetingFactory, EventFactory, MoUFactory

pytestmark = pytest.mark.django_db

FIGURES = {
    "en": ["Participants", "MSMEs", "Foreign buyers", "Buyer countries", "B2B meetings", "MoUs"],
    "hi": ["प्रतिभागी", "एमएसएमई इकाइयाँ", "विदेशी क्रेता", "क्रेता देश", "B2B बैठकें", "समझौता ज्ञापन"],
    "mr": ["सहभागी", "एमएसएमई उद्योग", "परदेशी खरेदीदार", "खरेदीदार देश", "B2B बैठका", "सामंजस्य करार"],
    "fa": [
        "شرکت\u200cکنندگان",
        "بنگاه\u200cهای کوچک و متوسط",
        "خریداران خارجی",
        "کشورهای خریدار",
        "ملاقات\u200cهای B2B",
        "تفاهم\u200cنامه\u200cها",
    ],
}
REPORTED = {
    "en": [f"{figure} (reported)" for figure in FIGURES["en"]],
    "hi": [f"{figure} (सूचित)" for figure in FIGURES["hi"]],
    "mr": [
        "सहभागी (कळवलेले)",
        "एमएसएमई उद्योग (कळवलेले)",
        "परदेशी खरेदीदार (कळवलेले)",
        "खरेदीदार देश (कळवलेले)",
        "B2B बैठका (कळवलेल्या)",
        "सामंजस्य करार (कळवलेले)",
    ],
    "fa": [f"{figure} (گزارش\u200cشده)" for figure in FIGURES["fa"]],
}
# Latin words a translated header keeps: names, not English.
KEPT = {"B2B", "IEC", "Udyam", "INR", "USD"}


@pytest.fixture
def valued():
    """Meetings and MoUs with values in two currencies: the summary's value columns."""
    event = EventFactory()
    B2BMeetingFactory(event=event, value=Decimal(10), currency="INR")
    MoUFactory(event=event, value=Decimal(20), currency="USD")


def headers(lang):
    return {slug: exporter().table(lang).header for slug, exporter in EXPORTERS.items()}


@pytest.mark.parametrize("lang", ["en", "hi", "mr", "fa"])
def test_the_figure_columns_read_as_written(lang, valued):
    events = EventsRegister().table(lang).header
    assert events[12:18] == FIGURES[lang]
    outcomes = OutcomesSummary().table(lang).header
    assert outcomes[2:8] == REPORTED[lang]


def test_english_headers_keep_their_acronyms(valued):
    for slug, header in headers("en").items():
        for label in header:
            assert label[:1].isupper(), (slug, label)
            assert not re.search(r"Msme|B2b|\bMous?\b|\bb2b\b", label), (slug, label)


@pytest.mark.parametrize("lang", ["hi", "mr", "fa"])
def test_no_english_is_left_in_the_headers(lang, valued):
    english = headers("en")
    for slug, header in headers(lang).items():
        assert len(header) == len(english[slug])
        for label in header:
            latin = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", label))
            assert latin <= KEPT, (slug, label)
