"""Dates of the event: "६ व ७ नोव्हेंबर २०२५", "March 12, 2024", "۱۵ و ۱۶ آبان ۱۴۰۴".

Month names come from CLDR (Babel) in the four languages, Solar Hijri month
names from jdatetime. A date without a year takes the year of the
publication date, the one that puts it nearest to it; with neither, there is
no date: the reader never guesses a year.
"""

import datetime
import re
from functools import cache

import jdatetime
from babel import Locale

from .numbers import number_words, numbers
from .patterns import END, START, alternation
from .text import fold

GREGORIAN, SOLAR = "gregorian", "solar"
# Spellings in common use that CLDR does not list.
_VARIANTS = {
    "सितम्बर": 9,
    "अक्टूबर": 10,
    "नवम्बर": 11,
    "दिसम्बर": 12,
    "फरवरी": 2,
    "अप्रेल": 4,
    "ऑगस्ट": 8,
    "सप्टेंबर": 9,
    "sept": 9,
    "فبریه": 2,
    "آگوست": 8,
    "مى": 5,
}


@cache
def month_names():
    """{folded name: (calendar, month)}."""
    names = {name: (GREGORIAN, month) for name, month in _VARIANTS.items()}
    for lang in ("en", "hi", "mr", "fa"):
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in months[context][width].items():
                    name = name.lower().rstrip(".॰")
                    # "May"/"मे"-length abbreviations are words too; only
                    # those of three letters or more stand for a month.
                    if len(name) >= 3 or width == "wide":
                        names.setdefault(name, (GREGORIAN, month))
    for month, name in enumerate(jdatetime.date.j_months_fa, start=1):
        names[name] = (SOLAR, month)
    return names


def _day_words():
    return alternation(word for word, value in number_words().items() if 1 <= value <= 31)


@cache
def _pattern():
    month = rf"(?:{alternation(month_names())})\.?"
    day = rf"(?:\d{{1,2}}(?!\d)|{_day_words()})(?:st|nd|rd|th|ला|ली|ले|वां|वीं|ام|م)?"
    joint = r"\s*(?:,|-|&|/|\band\b|\bto\b|till|until|through|व|आणि|ते|से|एवं|और|तथा|و|تا)\s*"
    year = r"(?:\s*,?\s*(?:ماه\s*)?(?:سال\s*)?(?P<year>(?:19|20|13|14)\d\d)(?!\d))?"
    day_first = (
        rf"{START}(?P<d1>{day})(?:\s*(?P<m1>{month}))?(?:(?:{joint}{day})*{joint}"
        rf"(?P<d2>{day}))?\s*(?P<m2>{month}){END}{year}"
    )
    month_first = (
        rf"{START}(?P<mf>{month})\s+(?P<f1>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?{END}"
        rf"(?:{joint}(?P<f2>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?{END})?(?P<fy>\s*,?\s*(?:19|20)\d\d)?"
    )
    numeric = r"(?<!\d)(?P<n1>\d{1,4})[./-](?P<n2>\d{1,2})[./-](?P<n3>\d{2,4})(?!\d)"
    return re.compile(f"{day_first}|{month_first}|{numeric}")


def _day(text):
    text = re.sub(r"(st|nd|rd|th|ला|ली|ले|वां|वीं|ام|م)$", "", text)
    return int(text) if text.isdigit() else number_words()[text]


def _make(calendar, year, month, day):
    try:
        if calendar == SOLAR:
            return jdatetime.date(year, month, day).togregorian()
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _year_near(calendar, month, day, published_on):
    """The year that puts a day and month nearest the publication date."""
    if published_on is None:
        return None
    if calendar == SOLAR:
        year = jdatetime.date.fromgregorian(date=published_on).year
    else:
        year = published_on.year
    candidates = [y for y in (year - 1, year, year + 1) if _make(calendar, y, month, day)]
    if not candidates:
        return None
    return min(candidates, key=lambda y: abs(_make(calendar, y, month, day) - published_on))


def _from_numeric(match):
    first, second, third = match.group("n1", "n2", "n3")
    if len(first) == 4:
        year, month, day = int(first), int(second), int(third)
    elif len(third) == 4:
        day, month, year = int(first), int(second), int(third)
    else:
        return None
    calendar = SOLAR if 1300 <= year < 1500 else GREGORIAN
    date = _make(calendar, year, month, day)
    return (date, date) if date else None


def _from_words(match, published_on):
    if match.group("mf"):
        calendar, month = month_names()[match.group("mf").rstrip(".")]
        first_month = month
        first, last = int(match.group("f1")), match.group("f2")
        last = int(last) if last else first
        year = match.group("fy")
    else:
        calendar, month = month_names()[match.group("m2").rstrip(".")]
        first_month = (
            month_names()[match.group("m1").rstrip(".")][1] if match.group("m1") else month
        )
        first = _day(match.group("d1"))
        last = _day(match.group("d2")) if match.group("d2") else first
        year = match.group("year")
    if year:
        year = int(year.strip(" ,"))
        # A Solar Hijri year (13xx, 14xx) after a Gregorian month name is not one.
        if (calendar == SOLAR) != (1300 <= year < 1500):
            return None
    else:
        year = _year_near(calendar, month, last, published_on)
        if year is None:
            return None
    start_year = year - 1 if first_month > month else year
    start, end = _make(calendar, start_year, first_month, first), _make(calendar, year, month, last)
    if start is None or end is None or end < start:
        return None
    return start, end


def find_dates(normal, published_on=None):
    """(start_date, end_date, span start, span end) of each date in the text, in order."""
    found = []
    for match in _pattern().finditer(normal):
        dates = _from_numeric(match) if match.group("n1") else _from_words(match, published_on)
        if dates:
            found.append((*dates, match.start(), match.end()))
    return found


# "दोन दिवसीय", "पांच दिवसीय", "two-day", "سه روزه": how many days the event lasts.
_DAYS = re.compile(rf"^[\s-]*(?:day|days|दिवसीय|दिवसांच्या|दिवसांचे|दिवसांदरम्यान|दिनों|दिन|روزه){END}")
_LONGEST_EVENT = 31


def duration(normal):
    """The number of days the report says the event lasts, or None."""
    for _start, end, value in numbers(normal):
        if 1 < value <= _LONGEST_EVENT and _DAYS.match(normal[end : end + 20]):
            return value
    return None


# Near a word of happening a date is the event's: "7 व 8 मार्च 2025 को आयोजित".
_NEAR = 60
# A date in the report's first characters is often the dateline's, the day of
# writing, when the report gives another.
_DATELINE = 60


def event_dates(normal, happened, published_on=None):
    """(start, end, span start, span end) of the event's dates, or None.

    Of the dates the report gives, a range beats a single day, one near a word
    saying the event took place beats one that is not, and a dateline counts
    least; the first wins a tie.
    """
    found = find_dates(normal, published_on)
    if not found:
        return None
    events = [match.start() for match in happened.finditer(normal)]

    def score(item):
        start, end, a, b = item
        near = any(a - _NEAR <= e <= b + _NEAR for e in events)
        dateline = a < _DATELINE and len(found) > 1
        return 2 * (end > start) + 2 * near - dateline

    return max(found, key=score)


@cache
def _weekdays():
    names = {}
    for lang in ("en", "hi", "mr", "fa"):
        for number, name in Locale.parse(lang).days["format"]["wide"].items():
            names[fold(name)] = number
    pattern = rf"{START}(?P<day>{alternation(names)})(?:ी|ला|s)?{END}"
    return names, re.compile(pattern)


def weekday_date(normal, published_on):
    """(date, span start, span end) of "बुधवार को", "on Wednesday", "روز چهارشنبه":
    that weekday on or before the publication date; None without one."""
    if published_on is None:
        return None
    names, pattern = _weekdays()
    match = pattern.search(normal)
    if not match:
        return None
    back = (published_on.weekday() - names[match.group("day")]) % 7
    return published_on - datetime.timedelta(days=back), match.start(), match.end()
