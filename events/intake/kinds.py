"""The kind of event and its title, from the words reports use for each kind."""

import re
from functools import cache

from events.models import Event

from .patterns import END, START, TOKEN, cue_patterns, words

Kind = Event.Kind
# The schema's kind for a report of no event kind the portal stores.
OTHER = "other"
# Words for each kind in the four languages; the more specific kinds come
# first and win a tie.
WORDS = {
    Kind.BUYER_SELLER_MEET: "reverse buyer|bsm",
    Kind.TRADE_FAIR: "trade fair|trade show|व्यापार मेला|ट्रेड फेयर|ट्रेड फेअर|व्यापार मेळा|نمایشگاه تجاری",
    Kind.EXHIBITION: "exhibition|expo|प्रदर्शनी|प्रदर्शन|प्रदर्शनात|एक्स्पो|نمایشگاه",
    Kind.REVIEW_MEETING: "review meeting|समीक्षा बैठक|आढावा बैठक|जायजा बैठक|جلسه بررسی|"
    "نشست بررسی|جلسه شورای",
    Kind.WORKSHOP: "workshop|कार्यशाळा|कार्यशाळेचे|कार्यशाळेत|कार्यशाळेला|कार्यशाळेस|कार्यशाला|"
    "वर्कशॉप|کارگاه|کارگاههای",
    Kind.SEMINAR: "seminar|webinar|सेमिनार|संगोष्ठी|चर्चासत्र|परिसंवाद|वेबिनार|سمینار|وبینار",
    Kind.TRAINING: "training programme|training program|training|प्रशिक्षण|دوره آموزشی",
    Kind.CONFERENCE: "conference|summit|conclave|convention|परिषद|परिषदेत|परिषदेच्या|"
    "सम्मेलन|संमेलन|समिट|همایش|کنفرانس|اجلاس",
}
# Words that say an event took place; a kind word near one of them speaks of
# this event, not of something the report only mentions.
HAPPENED = (
    "held|organised|organized|conducted|hosted|inaugurated|took place|concluded|"
    "आयोजन|आयोजित|पार पडली|पार पडला|संपन्न|संपन्न झाली|झाली|झाला|उद्घाटन|"
    "सम्पन्न|हुई|हुआ|किया गया|برگزار|برگزاری|افتتاح"
)
# Kinds no report names in passing: once said of the event, they are its kind
# ("खरेदीदार-विक्रेता परिषद" is a buyer-seller meet, though "परिषद" alone is a
# conference and the report says "परिषदेत" again and again).
DECISIVE = (Kind.BUYER_SELLER_MEET, Kind.REVIEW_MEETING)
_NEAR = 80
_NOT_TITLE = set(words("the a an this या ही हा हे यह इस این"))
# Small words inside an English name: "Bicycle and Parts".
_LINKS = set(words("and of for &"))
_LONGEST_NAME = 8
# Words for an event that follow a kind's own word: "खरेदीदार-विक्रेता परिषद".
_EVENT_WORDS = "meet|परिषद|संमेलन|सम्मेलन|मेळावा|बैठक|همایش|نشست"
_OPENING = 200


# A buyer's word and a seller's joined in either order is a buyer-seller meet:
# "खरेदीदार-विक्रेता", "निर्यातदार-खरेदीदार", "خریداران و فروشندگان".
BUYERS = "buyers?|importers?|खरेदीदार|खरीदार|क्रेता|आयातदार|आयातक|خریدار\\S*|واردکننده\\S*"
SELLERS = "sellers?|exporters?|suppliers?|विक्रेता|विक्रेते|निर्यातदार|निर्यातक|فروشنده\\S*|صادرکننده\\S*"
_JOINED = r"\s*(?:-|&|/|\s(?:and|व|आणि|एवं|और|و)\s)\s*"
BUYERS_AND_SELLERS = (
    rf"{START}(?:(?:{BUYERS}){_JOINED}(?:{SELLERS})|(?:{SELLERS}){_JOINED}(?:{BUYERS})){END}"
)


@cache
def _patterns():
    kinds = cue_patterns(WORDS)
    kinds[Kind.BUYER_SELLER_MEET] = re.compile(
        rf"{kinds[Kind.BUYER_SELLER_MEET].pattern}|{BUYERS_AND_SELLERS}"
    )
    return kinds, cue_patterns({"happened": HAPPENED})["happened"]


def happened():
    """The pattern of the words that say an event took place."""
    return _patterns()[1]


def find_kind(normal):
    """(kind, start, end, confidence), or (other, ...) when no kind is said of the event.

    A kind counts only if the opening of the report or a word of happening
    near it says it is this event's; each mention adds to it.
    """
    kinds, happened = _patterns()
    events = [match.start() for match in happened.finditer(normal)]
    best = None
    for order, (kind, pattern) in enumerate(kinds.items()):
        mentions = list(pattern.finditer(normal))
        anchored = [
            m
            for m in mentions
            if m.start() < _OPENING or any(abs(m.start() - e) < _NEAR for e in events)
        ]
        if not anchored:
            continue
        score = (kind in DECISIVE, len(mentions) + 2 * len(anchored), -order)
        if best is None or score > best[0]:
            best = (score, kind, anchored[0])
    if best is None:
        return OTHER, None, None, 0.3
    (_decisive, count, _order), kind, match = best
    return kind, match.start(), match.end(), min(0.95, 0.5 + 0.1 * count)


def find_title(source, kind_span):
    """(start, end) of the title as written: a headline, or the name said with the kind."""
    normal = source.normal
    first_line = normal.strip().split("\n", 1)[0]
    offset = normal.index(first_line) if first_line else 0
    words = TOKEN.findall(first_line)
    if "\n" in normal.strip() and 5 <= len(words) <= 25:
        return offset, offset + len(first_line.rstrip(" .।"))
    if kind_span[0] is None:
        return None
    start, end = kind_span
    # The name ends with the kind word: "द्वितीय आंतरराष्ट्रीय खरेदीदार-विक्रेता
    # परिषद", "India International Bicycle and Parts Trade Fair": the words
    # before it that English capitalises, else two, not "this" or "the"; and
    # a word for an event after it.
    clause_start = max(normal.rfind(c, 0, start) for c in ",.;:।\n،()") + 1
    before = list(TOKEN.finditer(normal, clause_start, start))
    head = _capitalised_run(source, before) if _capitalised(source, start) else before[-2:]
    while head and head[0].group() in _NOT_TITLE | _LINKS:
        head.pop(0)
    end = re.compile(rf"\S*?{END}").match(normal, end).end()
    after = re.compile(rf"\s+(?:{_EVENT_WORDS})\S*?{END}").match(normal, end)
    return (head[0].start() if head else start), (after.end() if after else end)


def _capitalised(source, position):
    return source.original[source.span(position, position + 1)[0]].isupper()


def _capitalised_run(source, tokens):
    """The capitalised words (and small links) that end the list."""
    run = []
    for token in reversed(tokens[-_LONGEST_NAME:]):
        if not (_capitalised(source, token.start()) or token.group() in _LINKS):
            break
        run.insert(0, token)
    return run
