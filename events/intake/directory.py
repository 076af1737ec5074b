"""The portal's directory as the reader sees it: people and organisations by name.

Names are matched folded and fuzzily (rapidfuzz), in every language the
directory holds them in; a record read from the text in another spelling
("नरेंद्र जीना", "Narendra Jeena") is the same record.
"""

from rapidfuzz import fuzz, process

from orgs.models import Organisation, Person
from portal.languages import LANGUAGE_CODES

from .phrases import PhraseIndex
from .text import fold

# How alike two folded names must be (0-100) to be taken for one record.
ALIKE = 88
# Two names read from reports this alike are one name spelt twice
# ("... صنایع و عمران استان مرکزی" and "... صنعتی استان مرکزی").
SAME_NAME = 85


class Directory:
    """People and organisations loaded in two queries, for one reading."""

    def __init__(self):
        self.index = PhraseIndex()
        self.people = {}  # folded name -> pk
        self.organisations = {}  # folded name -> slug
        name_fields = [f"name_{lang}" for lang in LANGUAGE_CODES]
        for pk, *names in Person.objects.values_list("pk", *name_fields):
            for name in filter(None, names):
                self.people[fold(name)] = pk
                self.index.add("person", name, pk)
        rows = Organisation.objects.values_list("slug", "acronym", *name_fields)
        for slug, acronym, *names in rows:
            for name in filter(None, [*names, acronym]):
                self.organisations[fold(name)] = slug
                self.index.add("organisation", name, slug)

    def find(self, normal):
        """(kind, pk or slug, start, end) of each directory name written in the text."""
        return self.index.find(normal)

    @staticmethod
    def _match(name, table):
        if not table:
            return None
        best = process.extractOne(fold(name), table.keys(), scorer=fuzz.token_sort_ratio)
        if best and best[1] >= ALIKE:
            return table[best[0]]
        return None

    def person(self, name):
        return self._match(name, self.people)

    def organisation(self, name):
        return self._match(name, self.organisations)
