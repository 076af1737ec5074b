"""Numbers written in digits or in words, and the headline figures of a meet.

"३०० हून अधिक सूक्ष्म व लघु उद्योगांचे प्रतिनिधी", "more than 500 B2B
meetings", "حدود ۴۰ خریدار": a number, its qualifier before or after it, and
the noun after it that says what was counted.
"""

import re
from functools import cache

from .patterns import LETTER, TOKEN, cue_patterns, sentence_at
from .text import loose

# Number words of the four languages; Hindi and Marathi name every number up
# to a hundred, the commoner ones are here.
UNITS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    "hi": "शून्य एक दो तीन चार पांच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह "
    "अठारह उन्नीस बीस",
    "mr": "शून्य एक दोन तीन चार पाच सहा सात आठ नऊ दहा अकरा बारा तेरा चौदा पंधरा सोळा सतरा "
    "अठरा एकोणीस वीस",
    "fa": "صفر یک دو سه چهار پنج شش هفت هشت نه ده یازده دوازده سیزده چهارده پانزده شانزده "
    "هفده هجده نوزده بیست",
}
TENS = {
    "en": "thirty forty fifty sixty seventy eighty ninety",
    "hi": "तीस चालीस पचास साठ सत्तर अस्सी नब्बे",
    "mr": "तीस चाळीस पन्नास साठ सत्तर ऐंशी नव्वद",
    "fa": "سی چهل پنجاه شصت هفتاد هشتاد نود",
}
EXTRA = {
    # Variants in common spelling, and Persian hundreds which are single words.
    "पाँच": 5,
    "छः": 6,
    "छे": 6,
    "दोनशे": 200,
    "तीनशे": 300,
    "चारशे": 400,
    "पाचशे": 500,
    "सहाशे": 600,
    "सातशे": 700,
    "आठशे": 800,
    "नऊशे": 900,
    "هیجده": 18,
    "دویست": 200,
    "سیصد": 300,
    "چهارصد": 400,
    "پانصد": 500,
    "ششصد": 600,
    "هفتصد": 700,
    "هشتصد": 800,
    "نهصد": 900,
    "dozen": 12,
    "डझन": 12,
    "दर्जन": 12,
}
HUNDRED = {"hundred", "सौ", "शंभर", "صد"}
MULTIPLIERS = {
    "thousand": 1_000,
    "हजार": 1_000,
    "हज़ार": 1_000,
    "هزار": 1_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "लाख": 100_000,
    "million": 1_000_000,
    "मिलियन": 1_000_000,
    "میلیون": 1_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "करोड": 10_000_000,
    "कोटी": 10_000_000,
}
CONNECTORS = {"and", "و"}


@cache
def number_words():
    """{word: value} for every language."""
    table = dict(EXTRA)
    for lang, units in UNITS.items():
        table.update({word: value for value, word in enumerate(units.split())})
        table.update({word: 30 + 10 * i for i, word in enumerate(TENS[lang].split())})
    return table


def _value(token):
    if token[0].isdigit():
        # Indian and Persian texts group thousands with commas; a lone
        # decimal point stays a decimal ("1.5 lakh").
        digits = token.replace(",", "")
        try:
            return float(digits) if digits.count(".") == 1 else int(digits.replace(".", ""))
        except ValueError:
            return None
    return number_words().get(token)


# Marathi writes "than" onto a number word: "तीनशेहून".
_JOINED_MORE = re.compile(r"(.+?)(?:हून|हुन|पेक्षा)")


def numbers(normal):
    """(start, end, value) of each number, in digits or words, in the text."""
    found = []
    tokens = list(TOKEN.finditer(normal))
    i = 0
    while i < len(tokens):
        value, end = _value(tokens[i].group()), tokens[i].end()
        joined = _JOINED_MORE.fullmatch(tokens[i].group())
        if value is None and joined and joined.group(1) in number_words():
            # "तीनशेहून अधिक": the number ends where "हून" begins.
            value, end = number_words()[joined.group(1)], tokens[i].start() + joined.end(1)
        if value is None or (tokens[i].group() in HUNDRED | MULTIPLIERS.keys()):
            i += 1
            continue
        start, total, current = tokens[i].start(), 0, value
        spoken, j = not tokens[i].group()[0].isdigit(), i + 1
        # Words go on a number only as a number is said: "twenty two",
        # "سی و دو", "दोन हजार"; a space, not punctuation, between them.
        while j < len(tokens) and not normal[tokens[j - 1].end() : tokens[j].start()].strip():
            word = tokens[j].group()
            if word in HUNDRED and current < 100:
                current = max(current, 1) * 100
            elif word in MULTIPLIERS:
                total, current = total + max(current, 1) * MULTIPLIERS[word], 0
            elif word in CONNECTORS and j + 1 < len(tokens) and _is_word_number(tokens[j + 1]):
                j += 1
                continue
            elif word in number_words() and spoken and _follows(current, number_words()[word]):
                current += number_words()[word]
            else:
                break
            end = tokens[j].end()
            j += 1
        found.append((start, end, int(total + current)))
        i = j
    return found


def _follows(current, value):
    """Whether a number word can follow what has been said so far."""
    if current == 0 or (current % 100 == 0 and value < 100):
        return True
    return current >= 20 and current % 10 == 0 and value < 10


def _is_word_number(token):
    return token.group() in number_words() or token.group() in HUNDRED | MULTIPLIERS.keys()


# Qualifiers: before the number, or after it ("३०० हून अधिक", "300 से अधिक").
BEFORE = {
    "more_than": "more than|over|above|in excess of|upwards of|بیش از|بیشتر از|افزون بر",
    "at_least": "at least|a minimum of|minimum of|कम से कम|न्यूनतम|किमान|कमीत कमी|حداقل|دستکم",
    "about": "about|around|approximately|nearly|almost|roughly|close to|some|लगभग|करीब|"
    "तकरीबन|तकरीबन|सुमारे|जवळपास|अंदाजे|अंदाजित|حدود|حدودا|تقریبا|نزدیک به|قریب به|بالغ بر",
    "up_to": "up to|upto|as many as|अधिकतम|जास्तीत जास्त|حداکثر",
}
AFTER = {
    "more_than": "+|plus|से अधिक|से ज्यादा|से ऊपर|हून अधिक|हून जास्त|पेक्षा जास्त|पेक्षा अधिक|हुन अधिक|हून अधिकचे",
    "at_least": "or more|and above|and more|या अधिक",
    "about": "के करीब|के लगभग",
    "up_to": "तक|पर्यंत",
}


@cache
def _qualifier_patterns():
    before = cue_patterns(BEFORE, tail=r"\s*$")
    after = cue_patterns(AFTER, head=r"^\s*", tail=f"(?!{LETTER})")
    return before, after


def qualifier(normal, start, end):
    """(qualifier, start, end of the whole figure phrase) around a number."""
    before, after = _qualifier_patterns()
    head = normal[max(0, start - 25) : start]
    for name, pattern in before.items():
        match = pattern.search(head)
        if match:
            return name, start - (len(head) - match.start()), end
    tail = normal[end : end + 25]
    for name, pattern in after.items():
        match = pattern.match(tail)
        if match:
            return name, start, end + match.end()
    return "exact", start, end


# What a number counts: stems of the noun after it (a stem matches the start
# of a word, the longest stem wins).
COUNTED = {
    "participants": "participant delegate attendee visitor representative प्रतिभागी प्रतिनिधि "
    "प्रतिनिधी सहभागी लोग व्यक्ति जण شرکتکننده نفر نماینده حاضر فعال",
    "msmes": "msme sme enterprise unit firm compan exporter manufacturer seller exhibitor "
    "entrepreneur industr एमएसएमई उद्यम उद्यमी इकाई इकाइ कंपनी कम्पनी कंपन्या निर्यातक विक्रेता "
    "सूक्ष्म उद्योग उद्योजक निर्यातदार प्रदर्शक شرکت واحد بنگاه تولیدکننده صادرکننده "
    "غرفه کارآفرین",
    "foreign_buyers": "buyer importer खरीदार क्रेता आयातक आयातदार खरेदीदार خریدار واردکننده",
    "buyer_countries": "countr nation देश राष्ट्र کشور",
    "b2b_meetings": "b2b meeting बैठक मीटिंग बी2बी ملاقات جلسه نشست",
    "mous": "mou memorand agreement एमओयू समझौत करार सामंजस्य تفاهم قرارداد",
}
# Words that may stand between the number and what it counts.
_GAP = 4
_STOP = re.compile(r"[.,;:!?।()\n،؛]")


@cache
def _stems():
    return sorted(
        ((loose(stem), field) for field, stems in COUNTED.items() for stem in stems.split()),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )


def counted(normal, end):
    """The figure field of the noun after a number, and the noun's end; or None."""
    window = _STOP.split(normal[end : end + 80], maxsplit=1)[0]
    for token in list(TOKEN.finditer(window))[:_GAP]:
        word = loose(token.group())
        for stem, field in _stems():
            if word.startswith(stem):
                return field, end + token.end()
    return None


# Counts of people and firms are the event's figures only where the sentence
# says they took part ("सहभागी झाले", "attended", "شرکت کردند") or speaks of
# the event; "the 11,000 MSME units of the state" is no figure of a meet.
TOOK_PART = (
    "participat|attend|took part|join|register|drew|met|visited|came|showcas|exhibit|"
    "सहभागी|सहभाग|उपस्थित|हिस्सा|आए|प्रदर्शित किए|प्रदर्शित की|मांडली|भेट दिली|भाग ले|नोंदणी|पंजीकरण|"
    "भाग लिया|शामिल|भागीदारी|شرکت کرد|شرکت داشت|حضور|حاضر|meet|परिषद|सम्मेलन|मेळाव|"
    "कार्यशाळ|कार्यशाल|همایش|نمایشگاه|exhibition|conference|workshop"
)
NEED_PART = {"participants", "msmes"}
_QUOTED = re.compile(r"‘[^’\n]*’|“[^”\n]*”|\"[^\"\n]*\"")
# Number words below ten are mostly "a" and "one" ("एक जिल्हा एक उत्पादन").
_SMALLEST_WORD = 10


def figures(normal):
    """{field: (value, qualifier, start, end)}, the first figure of each field."""
    found = {}
    took_part = re.compile(TOOK_PART)
    quoted = [match.span() for match in _QUOTED.finditer(normal)]
    for start, end, value in numbers(normal):
        if any(a <= start < b for a, b in quoted):
            continue  # "‘एक तालुका दहा निर्यातदार’" is a name, not a count.
        what = counted(normal, end)
        if what is None or what[0] in found:
            continue
        if value < _SMALLEST_WORD and not normal[start].isdigit():
            continue
        if what[0] in NEED_PART:
            first, last = sentence_at(normal, start)
            if not took_part.search(normal, first, last):
                continue
        name, first, last = qualifier(normal, start, end)
        found[what[0]] = (value, name, first, max(last, what[1]))
    return found
