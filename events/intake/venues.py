"""The venue: the name around a word for a building or hall.

Most names end in that word ("निर्यात भवन", "CODISSIA Trade Fair Complex");
some begin with it ("हॉटेल एक्स्प्रेस इन", "سالن همایش‌های اتاق بازرگانی").
"""

import re
from functools import cache

from .patterns import END, START, TOKEN, alternation, words

BUILDINGS = (
    "hotel|hall|auditorium|convention centre|convention center|exhibition centre|bhawan|bhavan|"
    "academy|stadium|complex|club|college|grounds|कन्वेंशन सेंटर|कन्व्हेन्शन सेंटर|"
    "हॉटेल|होटल|भवन|सभागृह|सभागार|हॉल|"
    "प्रेक्षागृह|अकादमी|अकॅडमी|केंद्रात|संकुल|क्लब|मैदान|تالار|سالن|هتل|محل|ساختمان"
)
# Words a name begins with: the name runs on to their right.
LEADING = set(words("hotel हॉटेल होटल تالار سالن هتل محل ساختمان"))
# Words that end a name on its right: "हॉटेल एक्स्प्रेस इन येथे", "... برگزار شد".
AFTER = set(
    words(
        "येथे येथील मध्ये में at in on from to for which where was were is today برگزار شد در با و که برای"
    )
)
_LONGEST = 6
# Words that end a venue's name on its left: "आज यहां निर्यात भवन में".
BEFORE = set(
    words(
        "at in the of on and to येथील येथे यहां यहाँ में रोजी को दिनांक आज व आणि या "
        "सदर स्थित तक पर्यंत कालावधीत दरम्यान पासून در و به از"
    )
)
_ENDINGS = re.compile(r"मध्ये|मधील|त|ात|ी|े|ीं|ों")


@cache
def _pattern():
    return re.compile(rf"{START}(?:{alternation(BUILDINGS.split('|'))})(?P<ending>\S*?){END}")


def find_venue(normal):
    """(start, end) of the first venue named, or None."""
    for match in _pattern().finditer(normal):
        if TOKEN.match(normal, match.start()).group() in LEADING:
            return _rightwards(normal, match)
        return _leftwards(normal, match)
    return None


def _leftwards(normal, match):
    clause_start = max(normal.rfind(c, 0, match.start()) for c in ",;:।\n،()") + 1
    first = match.start()
    for word in reversed(list(TOKEN.finditer(normal, clause_start, match.start()))[-_LONGEST:]):
        if word.group() in BEFORE or word.group()[0].isdigit():
            break
        first = word.start()
    # "हॉटेलमध्ये" is the hotel: a case ending after the word is not the name.
    end = match.end()
    if _ENDINGS.fullmatch(match.group("ending")):
        end = match.start("ending")
    return first, end


def _rightwards(normal, match):
    clause_end = min(
        [len(normal), *(i for c in ",;:।\n،()." if (i := normal.find(c, match.end())) >= 0)]
    )
    end = match.end()
    for word in list(TOKEN.finditer(normal, match.end(), clause_end))[:_LONGEST]:
        if word.group() in AFTER or word.group()[0].isdigit():
            break
        end = word.end()
    return match.start(), end
