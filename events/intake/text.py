"""The report's text made comparable, with a way back to where each letter stood.

Reports mix digits of three scripts, Arabic and Persian forms of yeh and kaf,
joiners that come and go (میشود for می‌شود) and Devanagari letters typed with
or without a nukta. Every rule of the reader looks at one normalised text; the
offset map turns what a rule found there into a span of the text as given.
"""

import re
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.l10n import TO_ASCII_DIGITS

from .patterns import TOKEN, words

# A press note is one or two pages; fifty thousand characters are some ten,
# read in under a second. Refusing longer text first keeps a 5 MB paste cheap.
MAX_CHARACTERS = 50_000

# One table for every rule: Arabic yeh and kaf as Persian writes them, digits
# of every script as ASCII, Devanagari letters with a nukta as the letter
# without; joiners, tatweel, Arabic short vowels and the nukta itself change
# how a word looks, not which word it is, and go.
_TABLE = {
    **str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u00a0": " ", "–": "-", "—": "-"}),
    **str.maketrans(
        dict(
            zip(
                "\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f\u0929\u0931\u0934",
                "कखगजडढफयनरळ",
                strict=True,
            )
        )
    ),
    **TO_ASCII_DIGITS,
    **dict.fromkeys([0x200C, 0x200D, 0x0640, 0x093C, 0x0670, *range(0x064B, 0x0660)]),
}


def fold(text):
    """A name or phrase as the normalised text would hold it."""
    return text.translate(_TABLE).lower()


# Hindi and Marathi spell many words with a long or a short vowel
# ("कोल्हापूर"/"कोल्हापुर", "प्रतिभागी"/"प्रतिभागियों") and with a candrabindu
# or an anusvara: names are looked up with the difference gone.
_LOOSE = str.maketrans("ीूँ", "िुं")
# A nasal consonant with a virama before another consonant is written as an
# anusvara too: "इन्दौर"/"इंदौर", "सम्मेलन"/"संमेलन".
_NASAL = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939])")


def loose(word):
    return _NASAL.sub("\u0902", word.translate(_LOOSE))


class ReportError(ValueError):
    """A report the reader cannot read; the message is for the official."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Text:
    original: str
    normal: str
    # For each character of `normal`, the index of the character it came from.
    origin: tuple

    def span(self, start, end):
        """A [start, end) span of the normalised text as one of the original."""
        if end <= start:
            return [self.origin[start], self.origin[start]] if start < len(self.origin) else []
        return [self.origin[start], self.origin[end - 1] + 1]

    def original_of(self, start, end):
        first, last = self.span(start, end)
        return self.original[first:last]


def normalise(original):
    characters, origin = [], []
    for index, character in enumerate(original):
        for piece in fold(character):
            characters.append(piece)
            origin.append(index)
    return Text(original, "".join(characters), tuple(origin))


# Words that mark a language among those written in the same script.
_MARATHI = set(
    words(
        "आहे आणि व या च्या ची चे चा येथे झाले झाली करण्यात आली आले होते होती "
        "होत्या त्यांनी यांनी यांच्या मध्ये सदर तसेच असे केले म्हणून"
    )
)
_HINDI = set(words("है हैं के की का में और से ने को पर एवं तथा गया गयी किया कि यह इस था थे"))
_ENGLISH = set(
    words(
        "the of and in to a for on at by with was were is are from as an this "
        "that its it be has have will which their said"
    )
)


def _script_counts(text):
    counts = {"deva": 0, "arab": 0, "latn": 0, "other": 0}
    for character in text:
        if not character.isalpha():
            continue
        if "\u0900" <= character <= "\u097f":
            counts["deva"] += 1
        elif "\u0600" <= character <= "\u06ff" or "\ufb50" <= character <= "\ufeff":
            counts["arab"] += 1
        elif character.isascii() or "\u00c0" <= character <= "\u024f":
            counts["latn"] += 1
        else:
            counts["other"] += 1
    return counts


def _share(words, marks):
    return sum(word in marks for word in words) / max(len(words), 1)


def detect_language(normal):
    """en, hi, mr or fa, or None when the text is in none of them.

    The script decides first; within Devanagari the commoner function words
    of Marathi and Hindi decide, and Latin text must read as English.
    """
    counts = _script_counts(normal)
    script = max(counts, key=counts.get)
    if counts[script] == 0 or script == "other":
        return None
    words = TOKEN.findall(normal)
    if script == "deva":
        return "mr" if _share(words, _MARATHI) > _share(words, _HINDI) else "hi"
    if script == "arab":
        # Urdu's own letters (ٹ ڈ ڑ ں ے) and Arabic's taa marbuta (folded to
        # ه, so counted in the original) tell those languages apart from Persian.
        return "fa" if _persian_share(normal) else None
    return "en" if _share(words, _ENGLISH) >= 0.08 else None


def _persian_share(normal):
    persian = sum(normal.count(letter) for letter in "پچژگ")
    foreign = sum(normal.count(letter) for letter in "ٹڈڑںےۃ")
    definite = len(re.findall(r"(?:^|\s)ال\w", normal))
    return persian > foreign and persian * 4 > definite


def read_text(original, language=None):
    """The normalised text and its language; ReportError when it cannot be read."""
    if len(original) > MAX_CHARACTERS:
        raise ReportError(
            format_lazy(
                _("The report is too long: at most {limit} characters can be read."),
                limit=MAX_CHARACTERS,
            )
        )
    if not original.strip():
        raise ReportError(_("The report is empty: paste or upload its text."))
    text = normalise(original)
    detected = detect_language(text.normal)
    if detected is None:
        raise ReportError(
            _("The report is not in English, Hindi, Marathi or Persian, so it cannot be read.")
        )
    # Hindi and Marathi share a script: a language named by the official wins
    # over the guess there, never across scripts.
    if language in ("hi", "mr") and detected in ("hi", "mr"):
        detected = language
    return text, detected
