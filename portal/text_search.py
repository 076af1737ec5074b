"""Text folded so that a search sees through how it was typed.

"Pune" and "pune" are the same word; Persian is typed with Arabic or Persian
forms of yeh and kaf, with or without the zero-width non-joiner (میشود for
می‌شود), and digits come in three scripts. Both the stored search text and
the visitor's query go through `fold`.
"""

import re
import unicodedata

from .l10n import TO_ASCII_DIGITS

# Arabic letter forms mapped to the ones Persian text uses; digits of every
# script to ASCII.
_CHARACTERS = {
    **str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه"}),
    **TO_ASCII_DIGITS,
}
# Joiners, the tatweel and Arabic short-vowel marks change how text looks,
# not what it says.
_INVISIBLE = re.compile("[\u200c\u200d\u0640\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")


def fold(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _INVISIBLE.sub("", text.translate(_CHARACTERS))
    return _SPACES.sub(" ", text).strip()


def words(query):
    """The folded words of a query, each of which a match must contain."""
    return [word for word in fold(query).split(" ") if word]
