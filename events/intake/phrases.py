"""Names looked up by their folded words: places, people and organisations.

A name is found as whole words of the text, so "هند" is never found inside
"هندسه"; its last word may carry a case ending (Marathi "मुंबईतील",
"पानसरे यांनी" needs none, Persian "ایرانی").
"""

from collections import defaultdict

from .patterns import TOKEN
from .text import fold

# Endings a name takes in a sentence, longest first.
ENDINGS = sorted(
    [
        "मधील",
        "मध्ये",
        "ातील",
        "तील",
        "ात",
        "त",
        "च्या",
        "चे",
        "ची",
        "चा",
        "ला",
        "ाला",
        "ने",
        "ाने",
        "ी",
        "ीय",
        "ाचे",
        "ाची",
        "ाचा",
        "ाच्या",
        "ांचे",
        "ांच्या",
        "ांनी",
        "ी",
        "ی",
        "ای",
        "های",
        "ها",
        "'s",
    ],
    key=len,
    reverse=True,
)
# Names of more than six words are official long forms nobody writes.
MOST_WORDS = 6


def words_of(name):
    return tuple(token.group() for token in TOKEN.finditer(fold(name)))


def without_ending(words):
    last = words[-1]
    for ending in ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 2:
            return (*words[:-1], last[: -len(ending)])
    return None


class PhraseIndex:
    """Values by the folded words of their names, in tables by kind."""

    def __init__(self, common_words=()):
        self.tables = defaultdict(dict)  # kind -> {words: value}
        self.weights = {}
        self.longest = 1
        # Words that are also a name somewhere ("गया" is Hindi for "went").
        self.common_words = set(common_words)

    def add(self, kind, name, value, weight=0):
        """Add a name; where two values share it, the heavier keeps it."""
        words = words_of(name)
        if not words or len("".join(words)) < 3 or len(words) > MOST_WORDS:
            return
        if len(words) == 1 and words[0] in self.common_words:
            return
        table = self.tables[kind]
        if words not in table or weight > self.weights[kind, words]:
            table[words] = value
            self.weights[kind, words] = weight
            self.longest = max(self.longest, len(words))

    def find(self, normal):
        """(kind, value, start, end) of each name in the text, the longest name first."""
        tokens = list(TOKEN.finditer(normal))
        found, i = [], 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                words = tuple(token.group() for token in tokens[i : i + size])
                bare = without_ending(words)
                hits = [
                    (kind, table.get(words) or (bare and table.get(bare)))
                    for kind, table in self.tables.items()
                ]
                hits = [(kind, value) for kind, value in hits if value]
                if hits:
                    end = tokens[i + size - 1].end()
                    found.extend((kind, value, tokens[i].start(), end) for kind, value in hits)
                    i += size
                    break
            else:
                i += 1
        return found
