"""The Harmonized System's chapters and headings, shipped as data and loaded
by a migration, and the search firms pick theirs with."""

import pytest

from orgs.hs_codes import sync_hs_codes
from orgs.models import HSCode
from orgs.selectors import hs_code_search

pytestmark = pytest.mark.django_db

CHAPTER_09 = ["09", *(f"09{n:02}" for n in range(1, 11))]


def found(query):
    matches, _more = hs_code_search(query)
    return [hs.code for hs in matches]


def test_the_chapters_and_headings_are_loaded():
    chapters = HSCode.objects.filter(level=HSCode.Level.CHAPTER)
    headings = HSCode.objects.filter(level=HSCode.Level.HEADING)
    assert (chapters.count(), headings.count()) == (97, 1229)
    coffee = HSCode.objects.select_related("chapter").get(code="0901")
    assert coffee.name_en.startswith("Coffee, whether or not roasted or decaffeinated")
    assert coffee.chapter.code == "09"
    assert (coffee.name_hi, coffee.name_mr, coffee.name_fa) == ("", "", "")
    chapter = coffee.chapter
    assert (chapter.name_en, chapter.name_mr, chapter.name_fa) == (
        "Coffee, tea, mate and spices",
        "कॉफी, चहा, माटे आणि मसाले",
        "قهوه، چای، ماته و ادویه",
    )
    # Every heading sits in the chapter of its first two digits.
    assert [
        hs.code for hs in headings.select_related("chapter") if hs.chapter.code != hs.code[:2]
    ] == []
    # Every chapter is named in every language.
    assert chapters.filter(name_hi="").count() == chapters.filter(name_fa="").count() == 0


def test_loading_again_adds_nothing_and_restores_the_names():
    HSCode.objects.filter(code="5208").update(name_en="changed")
    assert sync_hs_codes(HSCode) == 0
    assert HSCode.objects.get(code="5208").name_en.startswith("Woven fabrics of cotton")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("0901", ["0901"]),
        ("0901.11", ["0901"]),
        ("०९०१", ["0901"]),  # Devanagari digits
        ("۰۹۰۱", ["0901"]),  # Persian digits
        ("Roasted COFFEE", ["0901", "2101"]),  # 2101: extracts of coffee, roasted chicory
        # Hindi, Marathi and Persian find the chapter by its name, and its
        # headings through it.
        ("कॉफ़ी", CHAPTER_09),
        ("कॉफी चहा", CHAPTER_09),
        ("چاي", CHAPTER_09),  # with an Arabic yeh
        ("कपास", ["52", *(f"52{n:02}" for n in range(1, 13))]),
        ("nothing-like-this", []),
        ("  ", []),
    ],
)
def test_the_search_finds_codes_by_digits_and_names_in_four_languages(query, expected):
    assert found(query) == expected


def test_the_search_says_when_there_are_more():
    matches, more = hs_code_search("8")
    assert (len(matches), more) == (20, True)
    assert [hs.code for hs in matches][:3] == ["80", "8001", "8002"]
    assert hs_code_search("0901")[1] is False
