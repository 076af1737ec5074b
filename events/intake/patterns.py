"""Regular-expression pieces that see Devanagari and Persian words whole.

Python's `\\w` leaves out Devanagari vowel signs and the virama, so "उद्योग"
would fall apart into pieces; these classes keep a word a word, and the
boundaries make "هند" not match inside "هندسه".
"""

import bisect
import re
from functools import lru_cache

LETTER = r"[^\W\d_]|[\u0900-\u0963\u0971-\u097f\u064b-\u065f\u0670]"
START = rf"(?<!{LETTER})"
END = rf"(?!{LETTER})"
# A word starts with a letter and may hold digits ("b2b", "बी2बी"); a number
# is digits only, so "300हून" is "300" and "हून".
TOKEN = re.compile(rf"(?:{LETTER})(?:{LETTER}|\d)*|\d+(?:[,.]\d+)*")


def words(text):
    """The words of a text: word lists stay one readable string in the code."""
    return text.split()


def alternation(phrases):
    """One pattern for many phrases, the longest first so that it wins."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


def cue_patterns(table, head=START, tail=""):
    """{key: pattern} for a table of "a|b|c" cue phrases, each as one alternation."""
    return {
        key: re.compile(rf"{head}(?:{alternation(phrases.split('|'))}){tail}")
        for key, phrases in table.items()
    }


# Full stops that end an abbreviation, not a sentence: "श्री. नरेंद्र", "पु. ल.", "Dr. Rao".
ABBREVIATIONS = set(words("श्री श्रीमती सौ कु मा डॉ प्रा प्रो shri smt mr mrs ms dr prof st no"))
_STOP = re.compile(r"[.!?।\n؟]+(?=\s|$)")


@lru_cache(maxsize=8)
def sentences(normal):
    """(start, end) of each sentence of the text; kept for the text being read."""
    bounds, start = [], 0
    for match in _STOP.finditer(normal):
        if match.group() == ".":
            before = TOKEN.findall(normal[max(0, match.start() - 12) : match.start()])
            if before and (before[-1] in ABBREVIATIONS or len(before[-1]) <= 2):
                continue
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(normal):
        bounds.append((start, len(normal)))
    return tuple(bounds)


def sentence_at(normal, position):
    """(start, end) of the sentence holding a position."""
    bounds = sentences(normal)
    index = bisect.bisect_right(bounds, (position, len(normal) + 1)) - 1
    if 0 <= index < len(bounds) and position < bounds[index][1]:
        return bounds[index]
    return 0, len(normal)
