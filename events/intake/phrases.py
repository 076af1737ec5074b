"""Names looked up by their folded words: places, people and organisations.

A name is found as whole words of the text, so "هند" is never found inside
"هندسه"; its last word may carry a case ending (Marathi "मुंबईतील",
"पानसरे यांनी" needs none, Persian "ایرانی").
"""

from collections import defaultdict
from functools import lru_cache

from .patterns import TOKEN, words
from .text import fold, loose

# Endings a name takes in a sentence, longest first.
ENDINGS = sorted(
    map(
        loose,
        words(
            "मधील मध्ये ातील तील ात त च्या चे ची चा ला ाला ने ाने ी ीय ाचे ाची ाचा "
            "ाच्या ांचे ांच्या ांनी ी ی ای های ها 's"
        ),
    ),
    key=len,
    reverse=True,
)
# Names of more than six words are official long forms nobody writes.
MOST_WORDS = 6


def words_of(name):
    return tuple(loose(token.group()) for token in TOKEN.finditer(fold(name)))


@lru_cache(maxsize=50_000)
def bare(word):
    """A word without its case ending, or None if it has none."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return None


class PhraseIndex:
    """Values by the folded words of their names, in tables by kind."""

    def __init__(self, common_words=()):
        self.tables = defaultdict(dict)  # kind -> {words: value}
        self.weights = {}
        self.longest = 1
        self.first_words = set()
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
            self.first_words.add(words[0])

    def find(self, normal):
        """(kind, value, start, end) of each name in the text, the longest name first."""
        tokens = list(TOKEN.finditer(normal))
        words = [loose(token.group()) for token in tokens]
        found, i = [], 0
        while i < len(tokens):
            # Most words begin no name: one set lookup passes them by.
            if words[i] not in self.first_words and bare(words[i]) not in self.first_words:
                i += 1
                continue
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                hits = self._lookup(words[i : i + size])
                if hits:
                    end = tokens[i + size - 1].end()
                    found.extend((kind, value, tokens[i].start(), end) for kind, value in hits)
                    i += size
                    break
            else:
                i += 1
        return found

    def _lookup(self, words):
        """(kind, value) of every table holding the words, or the last without its ending."""
        key = tuple(words)
        stripped = bare(key[-1])
        shorter = (*key[:-1], stripped) if stripped else None
        hits = []
        for kind, table in self.tables.items():
            value = table.get(key) or (shorter and table.get(shorter))
            if value:
                hits.append((kind, value))
        return hits
