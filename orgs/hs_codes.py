"""The Harmonized System's chapters and headings, from the data file shipped
with the app (orgs/data/hs_codes.csv; its source and licence in the README
beside it)."""

import csv
from pathlib import Path

from django.conf import settings

from portal.text_search import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "hs_codes.csv"


def hs_rows():
    """{code: {lang: name}}, the empty names left out, in the file's order."""
    with DATA_FILE.open(encoding="utf-8", newline="") as data:
        return {
            row["code"]: {
                lang: row[f"name_{lang}"]
                for lang, _name in settings.LANGUAGES
                if row[f"name_{lang}"]
            }
            for row in csv.DictReader(data)
        }


def search_text(code, names, chapter_names):
    """The code and its names in every language, folded. A heading has no name
    of its own in some languages: there its chapter's name stands in, so that
    a search in Hindi finds 0901 by its chapter, "कॉफ़ी, चाय, ..."."""
    texts = [code]
    for lang, _name in settings.LANGUAGES:
        texts.append(names.get(lang) or chapter_names.get(lang, ""))
    return fold(" ".join(texts))


def sync_hs_codes(hs_code_model):
    """Create the missing chapters and headings and refresh the names of the others.

    Takes the model as an argument so that a data migration can pass its
    historical one. Codes no longer in the file are kept: firms may name them.
    """
    rows = hs_rows()
    existing = {hs.code: hs for hs in hs_code_model.objects.all()}
    fields = ["name", *(f"name_{lang}" for lang, _name in settings.LANGUAGES), "search_text"]
    new, changed = [], []
    for code, names in rows.items():
        chapter = code[:2] if len(code) == 4 else None
        values = {f"name_{lang}": names.get(lang, "") for lang, _name in settings.LANGUAGES}
        values["name"] = names["en"]
        values["search_text"] = search_text(code, names, rows[chapter] if chapter else {})
        hs = existing.get(code)
        if hs is None:
            level = "heading" if chapter else "chapter"
            new.append(hs_code_model(code=code, level=level, chapter_id=chapter, **values))
        elif any(getattr(hs, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(hs, field, value)
            changed.append(hs)
    # Chapters first: the file lists each before its headings.
    hs_code_model.objects.bulk_create(new)
    hs_code_model.objects.bulk_update(changed, fields)
    return len(new)
