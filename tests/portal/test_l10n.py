import datetime
from decimal import Decimal

import pytest

from portal import l10n
from portal.text_search import fold, words

PUNE_MEET = datetime.date(2025, 11, 6), datetime.date(2025, 11, 7)


def test_dates_in_each_language_with_its_digits_and_calendar():
    start, end = PUNE_MEET
    assert l10n.date_range(start, end, "en") == "6–7 November 2025"
    assert l10n.date_range(start, end, "hi") == "6–7 नवंबर 2025"
    # As the Marathi report writes it: ६ व ७ नोव्हेंबर २०२५.
    assert l10n.date_range(start, end, "mr") == "६–७ नोव्हेंबर, २०२५"
    # 6 November 2025 is 15 Aban 1404 in the Solar Hijri calendar.
    assert l10n.date_range(start, end, "fa") == "۱۵–۱۶ آبان ۱۴۰۴"
    assert l10n.gregorian(start, "fa") == "۶ نوامبر ۲۰۲۵"


def test_a_range_across_months_names_both_dates():
    assert (
        l10n.date_range(datetime.date(2026, 1, 30), datetime.date(2026, 2, 2), "en")
        == "30 January 2026 – 2 February 2026"
    )


def test_numbers_use_indian_grouping_and_the_languages_digits():
    assert l10n.number(1234567, "en") == "12,34,567"
    assert l10n.number(500, "mr") == "५००"
    assert l10n.number(41, "fa") == "۴۱"
    assert l10n.number(41, "hi") == "41"


def test_persian_numbers_use_the_arabic_thousands_and_decimal_signs():
    # A Latin comma in Persian text reads as a list separator.
    assert l10n.number(4700, "fa") == "۴٬۷۰۰"
    assert l10n.number(Decimal("1234.5"), "fa") == "۱٬۲۳۴٫۵"
    assert l10n.number(Decimal("1234.5"), "mr") == "१,२३४.५"


def test_search_folding_sees_through_case_persian_letter_forms_and_joiners():
    assert fold("Pune") == fold("pune")
    # Arabic yeh and kaf, and no zero-width non-joiner, as often typed.
    assert fold("مي‌شود") == fold("میشود")
    assert fold("كرمان") == fold("کرمان")
    assert fold("२०२५") == fold("۲۰۲۵") == "2025"
    assert words("  IGNITE   2026 ") == ["ignite", "2026"]


# Solar Hijri days at the edges of months and years, with the Gregorian day
# each is (Nowruz falls on 20 or 21 March; a leap year's Esfand has 30 days).
SOLAR_HIJRI_EDGES = [
    ("1399-12-30", datetime.date(2021, 3, 20)),  # 1399 a leap year: 30 Esfand
    ("1400-01-01", datetime.date(2021, 3, 21)),  # Nowruz 1400
    ("1402-12-29", datetime.date(2024, 3, 19)),  # 1402 not leap: 29 Esfand, its last day
    ("1403-01-01", datetime.date(2024, 3, 20)),  # Nowruz 1403, on 20 March
    ("1403-12-30", datetime.date(2025, 3, 20)),  # 1403 a leap year
    ("1404-01-01", datetime.date(2025, 3, 21)),
    ("1404-06-31", datetime.date(2025, 9, 22)),  # the first six months have 31 days
    ("1404-07-01", datetime.date(2025, 9, 23)),
    ("1404-10-11", datetime.date(2026, 1, 1)),  # a Gregorian new year
    ("1404-12-29", datetime.date(2026, 3, 20)),  # 1404 not leap
    ("1405-01-01", datetime.date(2026, 3, 21)),  # Nowruz 1405
    ("1408-12-30", datetime.date(2030, 3, 20)),  # leap, five years after 1403
]


def test_solar_hijri_days_at_month_and_year_edges_read_as_their_gregorian_days():
    for typed, day in SOLAR_HIJRI_EDGES:
        assert l10n.read_date(typed) == day, typed
        assert l10n.read_date(l10n.digits(typed, "fa")) == day, typed
        assert l10n.typed_date(day, "fa") == l10n.digits(typed, "fa")
        assert l10n.typed_date(day, "en") == day.isoformat()
    # The day before each Nowruz is the last of Esfand, the day after it 2 Farvardin.
    assert l10n.typed_date(datetime.date(2026, 3, 20), "fa") == "۱۴۰۴-۱۲-۲۹"
    assert l10n.typed_date(datetime.date(2026, 3, 22), "fa") == "۱۴۰۵-۰۱-۰۲"
    # Gregorian 29 February.
    assert l10n.typed_date(datetime.date(2024, 2, 29), "fa") == "۱۴۰۲-۱۲-۱۰"


def test_esfand_30_exists_only_in_leap_years():
    for year in (1402, 1404, 1405):
        with pytest.raises(ValueError):
            l10n.read_date(f"{year}-12-30")
    for impossible in ("1405-13-01", "1405-00-10", "1405-01-32", "1405-07-31", "0000-01-01"):
        with pytest.raises(ValueError):
            l10n.read_date(impossible)


@pytest.mark.parametrize(
    "typed",
    [
        "1405-01-01",
        "۱۴۰۵-۰۱-۰۱",
        "۱۴۰۵/۱/۱",
        "1405.1.1",
        "١٤٠٥-١-١",
        "\u200f۱۴۰۵-۰۱-۰۱",
        " 1405 / 01 / 01 ",
    ],
)
def test_a_solar_hijri_date_in_any_digits_and_separator(typed):
    assert l10n.read_date(typed) == datetime.date(2026, 3, 21)


def test_a_year_from_1700_is_gregorian_an_earlier_one_solar_hijri():
    assert l10n.read_date("1700-03-21") == datetime.date(1700, 3, 21)
    assert l10n.read_date("2026-03-21") == datetime.date(2026, 3, 21)
    assert l10n.read_date("२०२६-०३-२१") == datetime.date(2026, 3, 21)
    assert l10n.read_date("1699-01-01") == datetime.date(2320, 3, 21)
    with pytest.raises(ValueError):
        l10n.read_date("2025-02-29")  # no leap year


@pytest.mark.parametrize(
    "typed", ["", "yesterday", "21-03-2026", "03/21/2026", "1405-01", "1405-01/01"]
)
def test_what_is_not_written_year_first_is_not_read(typed):
    assert l10n.read_date(typed) is None
