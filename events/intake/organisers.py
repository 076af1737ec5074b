"""Organisations that organised or partnered the event.

Found where the report says who organised ("यांच्या संयुक्त विद्यमाने",
"द्वारा आयोजित", "organised by", "به همت", "با مشارکت سازمانهایی نظیر"),
split into parties at "आणि", "and", "و" where one name ends and the next
begins. Organisation names end in a word for a body in Hindi, Marathi and
English ("महामंडळ", "Council") and begin with one in Persian ("سازمان").
"""

import re
from functools import cache

from .patterns import END, START, TOKEN, cue_patterns, words

# Cues before the parties (English, Persian) or after them (Hindi, Marathi).
BEFORE_PARTIES = {
    "organiser": "organised by|organized by|hosted by|jointly organised by|jointly organized by|"
    "convened by|put together by|arranged by|conducted by|به همت|توسط|به میزبانی",
    "partner": "in association with|in collaboration with|in partnership with|supported by|"
    "with support from|with the support of|sponsored by|"
    "با همکاری|با مشارکت|با حضور و مشارکت سازمانهایی نظیر|با مشارکت سازمانهایی نظیر|"
    "سازمانهایی نظیر|با حمایت",
}
AFTER_PARTIES = {
    "organiser": "यांच्या संयुक्त विद्यमाने|यांच्या विद्यमाने|यांच्या वतीने|यांच्या तर्फे|तर्फे|"
    "द्वारा आयोजित|द्वारे आयोजित|के तत्वावधान में|के संयुक्त तत्वावधान में|की ओर से|"
    "यांनी आयोजित|ने आयोजित|तर्फे आयोजित",
    "partner": "यांच्या सहकार्याने|यांच्या सहयोगाने|के सहयोग से|के साथ मिलकर",
}
# Words that name a body; in Persian the name begins with one.
BODIES = words(
    "महामंडळ मंडळ फोरम मंच मंत्रालय विभाग संघटना संघ असोसिएशन कार्यालय "
    "चेंबर संस्था बँक बैंक सेंटर केंद्र महासंघ निगम प्राधिकरण आयोग बोर्ड "
    "परिषद कॉर्पोरेशन लिमिटेड कौन्सिल काउंसिल फेडरेशन इंडस्ट्रीज उद्योग "
    "मंत्रालयाच्या ministry department corporation council association "
    "chamber federation forum board office bank centre center institute "
    "organisation organization authority commission limited ltd society "
    "agency company industries trust university bureau directorate foundation "
    "mission college ब्यूरो ब्युरो निदेशालय संचालनालय एजन्सी प्रतिष्ठान सोसायटी "
    "समिति समिती मिशन ऑर्गनाइजेशन ऑर्गनायझेशन ऑर्गनाइझेशन कौंसिल कॉलेज "
    "विद्यापीठ विश्वविद्यालय"
)
PERSIAN_BODIES = words("سازمان شرکت خانه اتاق انجمن اداره وزارت مجمع بنیاد دانشگاه بانک صندوق")
_SPLIT = re.compile(rf"\s*(?:,|،|;|{START}(?:आणि|व|and|एवं|और|तथा|و|&){END})\s*")
# Words in an organisation's name, at most.
_LONGEST = 10
_CLAUSE = re.compile(r"[.:;।\n؟!]")
_PAREN = re.compile(r"\([^)]*\)")
# A Persian list of bodies runs on into its verb: "... و اتاق بازرگانی برگزار میشود".
_VERB = re.compile(r"\s(?:برگزار|برپا|میشود|میگردد|شد|گردید|است|کرد|کردند|بود)(?!\S)")
# English names run on into the sentence: "... Organisations concluded at".
_ARTICLE = re.compile(r"(?:the|a|an)\s+")
# A piece of two words or fewer after a finished name is where the body is:
# "जिल्हा उद्योग केंद्र, नाशिक", "MSME Development and Facilitation Office, Guwahati".
_PLACE_WORDS = 2


@cache
def _cues():
    return cue_patterns(BEFORE_PARTIES), cue_patterns(AFTER_PARTIES, head="")


def _is_body(word):
    return any(word.startswith(body) for body in BODIES)


def _body_at_end(piece):
    words = TOKEN.findall(piece)
    return bool(words) and _is_body(words[-1])


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
    merged, done = [], []
    for a, b in pieces:
        piece = blanked[a:b]
        if not piece.strip():
            continue
        if persian:
            joins = merged and not _body_at_start(piece)
        else:
            joins = merged and (
                not done[-1]
                or (len(TOKEN.findall(piece)) <= _PLACE_WORDS and not _body_at_end(piece))
            )
        if joins:
            merged[-1] = (merged[-1][0], b)
            done[-1] = done[-1] or _body_at_end(piece)
        else:
            merged.append((a, b))
            done.append(_body_at_end(piece))
    result = []
    for a, b in merged:
        a, b = _trimmed(blanked, a, b, persian)
        text = blanked[a:b]
        # A party is a body's name; a clause that only ends in a cue is none.
        if not persian:
            a = _after_postposition(blanked, a, b)
            text = blanked[a:b]
        looks = _body_at_start(text) if persian else any(map(_is_body, TOKEN.findall(text)))
        if b - a >= 3 and looks and len(TOKEN.findall(text)) <= _LONGEST:
            result.append((start + a, start + b))
    return result


# A word ending in a postposition ends the words before a name: "... बाजारपेठ
# मिळावी यासाठी | मराठवाडा ॲग्रीकल्चर अँड इंडस्ट्रीज असोसिएशनने आयोजित".
_POSTPOSITION = re.compile(r"(?:साठी|ला|ना|ने|नी|चे|ची|च्या|मध्ये|में|के|की|का|को|से|पर|लिए)$")


def _after_postposition(text, a, b):
    tokens = list(TOKEN.finditer(text, a, b))
    if len(tokens) <= _LONGEST // 2:
        return a
    cut = [t.end() for t in tokens[:-1] if _POSTPOSITION.search(t.group())]
    return (
        len(text[: cut[-1]]) + len(text[cut[-1] : b]) - len(text[cut[-1] : b].lstrip())
        if cut
        else a
    )


def _trimmed(text, a, b, persian):
    """A party's span without spaces, a leading article, or words after its body word."""
    piece = text[a:b]
    a += len(piece) - len(piece.lstrip())
    article = _ARTICLE.match(text, a, b)
    if article:
        a = article.end()
    if not persian:
        bodies = [t for t in TOKEN.finditer(text, a, b) if _is_body(t.group())]
        # Keep a trailing place after a comma ("..., नाशिक") but not a running sentence.
        tail = text[bodies[-1].end() : b] if bodies else ""
        if bodies and not tail.lstrip().startswith((",", "،")):
            b = bodies[-1].end()
    return a, len(text[:b].rstrip())


def find_organisers(normal):
    """[(start, end, role)] of organisations named as organising or partnering."""
    before, after = _cues()
    found = []
    for role, pattern in after.items():
        for match in pattern.finditer(normal):
            clause = max((m.end() for m in _CLAUSE.finditer(normal, 0, match.start())), default=0)
            clause = max(clause, max(normal.rfind(c, 0, match.start()) for c in "،"))
            found += [(a, b, role) for a, b in _parties(normal, clause, match.start())]
    cue_starts = sorted(m.start() for p in before.values() for m in p.finditer(normal))
    for role, pattern in before.items():
        for match in pattern.finditer(normal):
            end_match = _CLAUSE.search(normal, match.end())
            end = end_match.start() if end_match else len(normal)
            # Up to the next cue: "به همت X و با همکاری Y".
            end = min([end, *(c for c in cue_starts if c > match.start())])
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
