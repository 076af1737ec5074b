"""Organisations that organised or partnered the event.

Found where the report says who organised ("यांच्या संयुक्त विद्यमाने",
"द्वारा आयोजित", "organised by", "به همت", "با مشارکت سازمانهایی نظیر"),
split into parties at "आणि", "and", "و" where one name ends and the next
begins. Organisation names end in a word for a body in Hindi, Marathi and
English ("महामंडळ", "Council") and begin with one in Persian ("سازمان").
"""

import re
from functools import cache

from .patterns import END, START, TOKEN, cue_patterns

# Cues before the parties (English, Persian) or after them (Hindi, Marathi).
BEFORE_PARTIES = {
    "organiser": "organised by|organized by|hosted by|jointly organised by|jointly organized by|"
    "convened by|به همت|توسط|به میزبانی",
    "partner": "in association with|in collaboration with|in partnership with|supported by|"
    "با همکاری|با مشارکت|با حضور و مشارکت سازمانهایی نظیر|با مشارکت سازمانهایی نظیر|"
    "سازمانهایی نظیر|با حمایت",
}
AFTER_PARTIES = {
    "organiser": "यांच्या संयुक्त विद्यमाने|यांच्या विद्यमाने|यांच्या वतीने|यांच्या तर्फे|"
    "द्वारा आयोजित|द्वारे आयोजित|के तत्वावधान में|के संयुक्त तत्वावधान में|की ओर से|"
    "यांनी आयोजित",
    "partner": "यांच्या सहकार्याने|यांच्या सहयोगाने|के सहयोग से|के साथ मिलकर",
}
# Words that name a body; in Persian the name begins with one.
BODIES = [
    "महामंडळ",
    "मंडळ",
    "फोरम",
    "मंच",
    "मंत्रालय",
    "विभाग",
    "संघटना",
    "संघ",
    "असोसिएशन",
    "कार्यालय",
    "चेंबर",
    "संस्था",
    "बँक",
    "बैंक",
    "सेंटर",
    "केंद्र",
    "महासंघ",
    "निगम",
    "प्राधिकरण",
    "आयोग",
    "बोर्ड",
    "परिषद",
    "कॉर्पोरेशन",
    "लिमिटेड",
    "कौन्सिल",
    "काउंसिल",
    "फेडरेशन",
    "इंडस्ट्रीज",
    "उद्योग",
    "मंत्रालयाच्या",
    "ministry",
    "department",
    "corporation",
    "council",
    "association",
    "chamber",
    "federation",
    "forum",
    "board",
    "office",
    "bank",
    "centre",
    "center",
    "institute",
    "organisation",
    "organization",
    "authority",
    "commission",
    "limited",
    "ltd",
    "society",
    "agency",
    "company",
    "industries",
    "trust",
    "university",
]
PERSIAN_BODIES = [
    "سازمان",
    "شرکت",
    "خانه",
    "اتاق",
    "انجمن",
    "اداره",
    "وزارت",
    "مجمع",
    "بنیاد",
    "دانشگاه",
    "بانک",
    "صندوق",
]
_SPLIT = re.compile(rf"\s*(?:,|،|;|{START}(?:आणि|व|and|एवं|और|तथा|و|&){END})\s*")
# Words in an organisation's name, at most.
_LONGEST = 10
_CLAUSE = re.compile(r"[.:;।\n؟!]")
_PAREN = re.compile(r"\([^)]*\)")
# A Persian list of bodies runs on into its verb: "... و اتاق بازرگانی برگزار میشود".
_VERB = re.compile(r"\s(?:برگزار|میشود|میگردد|شد|گردید|است|کرد|کردند|بود)(?!\S)")


@cache
def _cues():
    return cue_patterns(BEFORE_PARTIES), cue_patterns(AFTER_PARTIES, head="")


def _body_at_end(piece):
    words = [t.group() for t in TOKEN.finditer(piece)]
    return bool(words) and any(words[-1].startswith(body) for body in BODIES)


def _body_at_start(piece):
    words = [t.group() for t in TOKEN.finditer(piece)]
    return bool(words) and words[0] in PERSIAN_BODIES


def _parties(normal, start, end):
    """(start, end) of each organisation in a stretch of text that lists them."""
    verb = _VERB.search(normal, start, end)
    end = verb.start() if verb else end
    stretch = normal[start:end]
    # Parentheses hold a translation or an acronym of the name before them.
    blanked = _PAREN.sub(lambda m: " " * len(m.group()), stretch)
    pieces, cursor = [], 0
    for separator in _SPLIT.finditer(blanked):
        pieces.append((cursor, separator.start()))
        cursor = separator.end()
    pieces.append((cursor, len(blanked)))
    # A conjunction inside a name ("सूक्ष्म, लघु व मध्यम उद्योग मंत्रालय") joins
    # pieces again: a party ends with a body word, or in Persian starts with one.
    persian = any(_body_at_start(blanked[a:b]) for a, b in pieces)
    merged = []
    for a, b in pieces:
        if not blanked[a:b].strip():
            continue
        starts_new = _body_at_start(blanked[a:b]) if persian else True
        previous_done = not merged or (
            persian or _body_at_end(blanked[merged[-1][0] : merged[-1][1]])
        )
        if merged and not (starts_new and previous_done):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    result = []
    for a, b in merged:
        text = blanked[a:b]
        a += len(text) - len(text.lstrip())
        b -= len(text) - len(text.rstrip())
        # A party is a body's name; a clause that only ends in a cue is none.
        looks = _body_at_start(text) if persian else _body_at_end(text)
        if b - a >= 3 and looks and len(TOKEN.findall(text)) <= _LONGEST:
            result.append((start + a, start + b))
    return result


def find_organisers(normal):
    """[(start, end, role)] of organisations named as organising or partnering."""
    before, after = _cues()
    found = []
    for role, pattern in after.items():
        for match in pattern.finditer(normal):
            clause = max((m.end() for m in _CLAUSE.finditer(normal, 0, match.start())), default=0)
            clause = max(clause, max(normal.rfind(c, 0, match.start()) for c in "،"))
            found += [(a, b, role) for a, b in _parties(normal, clause, match.start())]
    for role, pattern in before.items():
        for match in pattern.finditer(normal):
            end_match = _CLAUSE.search(normal, match.end())
            end = end_match.start() if end_match else len(normal)
            # The list ends at the verb: keep to the names' own words.
            parties = _parties(normal, match.end(), min(end, match.end() + 250))
            found += [(a, b, role) for a, b in parties]
    unique, seen = [], []
    for start, end, role in sorted(found):
        if any(start < e and s < end for s, e in seen):
            continue
        seen.append((start, end))
        unique.append((start, end, role))
    return unique
