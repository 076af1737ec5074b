"""Numbers and dates as each language writes them, and dates as typed.

Marathi pages use Devanagari digits, Persian pages Persian digits and the
Solar Hijri calendar; Hindi and English pages international digits. Month
names come from CLDR (Babel) and, for the Solar Hijri calendar, jdatetime.
A date typed year first is read in either calendar (`read_date`).
"""

import datetime
import re
from functools import cache, lru_cache

import jdatetime
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from django.utils import timezone

# Babel locale for each portal language: English as written in India
# (lakh grouping: 12,34,567).
BABEL_LOCALES = {"en": "en_IN", "hi": "hi", "mr": "mr", "fa": "fa"}

# The one digit table: 0 to 9 as each script writes them. Marathi pages show
# Devanagari digits and Persian pages Persian ones; Arabic-Indic digits are
# only read, as some Persian keyboards type them.
SCRIPT_DIGITS = {"devanagari": "०१२३४५६७८९", "persian": "۰۱۲۳۴۵۶۷۸۹", "arabic": "٠١٢٣٤٥٦٧٨٩"}
NATIVE_DIGITS = {
    "mr": str.maketrans("0123456789", SCRIPT_DIGITS["devanagari"]),
    "fa": str.maketrans("0123456789", SCRIPT_DIGITS["persian"]),
}
# Digits of every script as ASCII: what a number, date or identifier typed
# on a Hindi, Marathi or Persian keyboard means.
TO_ASCII_DIGITS = str.maketrans("".join(SCRIPT_DIGITS.values()), "0123456789" * len(SCRIPT_DIGITS))


def ascii_digits(text):
    """ "२६" or "۲۶" as "26"."""
    return text.translate(TO_ASCII_DIGITS)


@cache
def babel_locale(lang):
    # Parsed once: Babel would otherwise parse the name at every number and date.
    return Locale.parse(BABEL_LOCALES.get(lang, "en_IN"))


def digits(text, lang):
    """`text` with its digits in the language's own numerals."""
    table = NATIVE_DIGITS.get(lang)
    return str(text).translate(table) if table else str(text)


def number(value, lang):
    if value is None:
        return ""
    if type(value) is int:
        return _whole_number(value, lang)
    return _formatted(value, lang)


@lru_cache(maxsize=4096)
def _whole_number(value, lang):
    # Kept: a list page writes hundreds of counts, the same from page to page,
    # and Babel takes some ten microseconds a number.
    return _formatted(value, lang)


def _formatted(value, lang):
    # The language's own separators, not Babel's Latin default: Persian groups
    # with the Arabic thousands sign and marks decimals with the Arabic
    # decimal sign (۱٬۲۳۴٫۵), where a Latin comma would read as a list.
    formatted = format_decimal(value, locale=babel_locale(lang), numbering_system="default")
    return digits(formatted, lang)


def _day(value):
    """The local calendar day of a date or an aware datetime."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date()
    return value


def _jalali(value):
    return jdatetime.date.fromgregorian(date=value, locale="fa_IR")


def date(value, lang):
    """A date in words: "6 November 2025", "६ नोव्हेंबर, २०२५", "۱۵ آبان ۱۴۰۴"."""
    if value is None:
        return ""
    value = _day(value)
    if lang == "fa":
        return digits(_jalali(value).strftime("%-d %B %Y"), lang)
    return digits(format_date(value, "long", locale=babel_locale(lang)), lang)


def date_time(value, lang):
    """A datetime as its local day in words and its time: "६ नोव्हेंबर २०२५ ११:००".

    An aware one in the portal's time zone; a naive one is taken as local already.
    """
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date(local.date(), lang)} {digits(local.strftime('%H:%M'), lang)}"


def gregorian(value, lang):
    """The Gregorian date, for pages whose calendar is another (shown beside it)."""
    return digits(format_date(_day(value), "long", locale=babel_locale(lang)), lang)


def date_range(start, end, lang):
    """ "6–7 November 2025"; a one-day event gives its date alone."""
    if start is None:
        return ""
    if end is None or end == start:
        return date(start, lang)
    if lang == "fa":
        first, last = _jalali(start), _jalali(end)
        same_month = (first.year, first.month) == (last.year, last.month)
        first_day = str(first.day)
    else:
        same_month = (start.year, start.month) == (end.year, end.month)
        first_day = str(start.day)
    if same_month:
        return f"{digits(first_day, lang)}–{date(end, lang)}"
    return f"{date(start, lang)} – {date(end, lang)}"


# Dates typed year first: 2026-03-21, 1405/1/1, ۱۴۰۵-۰۱-۰۱ (any script's
# digits, once made ASCII), with a hyphen, slash or dot between the parts.
TYPED_DATE = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII)
# What a copy from a right-to-left text brings along, unseen: direction marks.
INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)

# The one rule that tells the two calendars apart in a typed date: a year of
# 1700 or later is Gregorian, an earlier one Solar Hijri. The years the
# portal's dates are typed in are far from the line on both sides: Gregorian
# ones in the 1900s and 2000s, Solar Hijri ones in the 1300s and 1400s (1400
# began on 21 March 2021; Solar Hijri 1700 is AD 2321).
GREGORIAN_FROM_YEAR = 1700


def read_date(text):
    """The day a date typed year first means, in either calendar; None if
    `text` is not written year first.

    `2026-03-21`, `1405-01-01`, `۱۴۰۵/۱/۱` and `١٤٠٥-١-١` are all 21 March
    2026 (GREGORIAN_FROM_YEAR tells the calendars apart). A date of that form
    that does not exist (`1404-12-30`: Esfand 1404 has 29 days) raises
    ValueError.
    """
    match = TYPED_DATE.fullmatch(ascii_digits(text.translate(INVISIBLE)).strip())
    if match is None:
        return None
    year, month, day = (int(match[group]) for group in (1, 3, 4))
    if year >= GREGORIAN_FROM_YEAR:
        return datetime.date(year, month, day)
    return jdatetime.date(year, month, day).togregorian()


def solar_hijri_iso(value):
    """A Gregorian date as the Solar Hijri date it is, year first: "1405-01-01"."""
    day = jdatetime.date.fromgregorian(date=value)
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def typed_date(value, lang):
    """A date as a date input on the language's pages writes it: "2026-03-21",
    and on Persian pages in the Solar Hijri calendar with Persian digits
    ("۱۴۰۵-۰۱-۰۱")."""
    if lang == "fa":
        return digits(solar_hijri_iso(value), lang)
    return value.isoformat()
