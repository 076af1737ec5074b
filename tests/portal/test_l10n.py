import datetime
from decimal import Decimal

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
