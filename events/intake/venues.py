"""The venue: the name that ends in a word for a building or hall."""

import re
from functools import cache

from .patterns import END, START, TOKEN, alternation

BUILDINGS = (
    "hotel|hall|auditorium|convention centre|convention center|exhibition centre|bhawan|bhavan|"
    "academy|stadium|complex|club|हॉटेल|होटल|भवन|सभागृह|सभागार|हॉल|प्रेक्षागृह|अकादमी|"
    "अकॅडमी|केंद्रात|संकुल|क्लब|मैदान|تالار|سالن|هتل|مرکز همایشهای|سالن همایش"
)
# Words that end a venue's name on its left: "आज यहां निर्यात भवन में".
BEFORE = set(
    [
        "at",
        "in",
        "the",
        "of",
        "on",
        "and",
        "to",
        "येथील",
        "येथे",
        "यहां",
        "यहाँ",
        "में",
        "रोजी",
        "को",
        "दिनांक",
        "आज",
        "व",
        "आणि",
        "या",
        "सदर",
        "स्थित",
        "در",
        "و",
        "به",
        "از",
    ]
)
_ENDINGS = re.compile(r"मध्ये|मधील|त|ात|ी|े|ीं|ों")


@cache
def _pattern():
    return re.compile(rf"{START}(?:{alternation(BUILDINGS.split('|'))})(?P<ending>\S*?){END}")


def find_venue(normal):
    """(start, end) of the first venue named, or None."""
    for match in _pattern().finditer(normal):
        clause_start = max(normal.rfind(c, 0, match.start()) for c in ",;:।\n،()") + 1
        words = list(TOKEN.finditer(normal, clause_start, match.start()))[-6:]
        first = match.start()
        for word in reversed(words):
            if word.group() in BEFORE or word.group()[0].isdigit():
                break
            first = word.start()
        # "हॉटेलमध्ये" is the hotel: a case ending after the word is not the name.
        end = match.end()
        if _ENDINGS.fullmatch(match.group("ending")):
            end = match.start("ending")
        return first, end
    return None
