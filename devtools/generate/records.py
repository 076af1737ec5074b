"""What every generated table needs: text in several languages, slugs, search
text, ids and counts, made the way the models' own save() would make them."""

from functools import cache

from anyascii import anyascii
from django.conf import settings
from django.db.models import Max
from django.db.models.base import ModelState
from django.utils.text import slugify

from portal.text_search import fold

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def fill(texts, languages, **words):
    """`texts` ({lang: phrase with {place}, ...}) in `languages`, each phrase
    taking its words ({name: {lang: word}}) in its own language."""
    return {
        lang: texts[lang].format(**{name: word[lang] for name, word in words.items()})
        for lang in languages
    }


def in_phrase(names):
    """A name for the middle of a sentence: English "Leather products" loses its capital."""
    return {**names, "en": names["en"][:1].lower() + names["en"][1:]}


def translated(field, texts):
    """The columns of a translated field for `texts` ({lang: text}).

    Every language's column is given, empty ones as NULL, as modeltranslation
    leaves them; the field's own column holds what it shows in the default
    language, falling back like it does (the first language written).
    """
    columns = {f"{field}_{lang}": texts.get(lang) or None for lang in LANGUAGES}
    columns[field] = next((texts[lang] for lang in LANGUAGES if texts.get(lang)), "")
    return columns


def search_text(model, row, region):
    """The `search_text` TranslatedRecord.save() would write for `row` in `region`.

    The record's own `_searchable_texts` gives the words. The record is made
    without Model.__init__, which costs a quarter of a millisecond here
    (modeltranslation's defaults, computed per record): 40 seconds over the
    full dataset. Its fields' defaults are computed once instead.
    """
    record = model.__new__(model)
    record.__dict__.update(_defaults(model), **row)
    record._state = ModelState()
    record.region = region
    return fold(" ".join(record._searchable_texts()))


@cache
def _defaults(model):
    return {field.attname: field.get_default() for field in model._meta.concrete_fields}


class Slugs:
    """Unique slugs for new records of a model, as portal.slugs.unique_slug makes
    them (base, base-2, base-3...), without a query per record: the slugs
    already taken are read once."""

    def __init__(self, model):
        self.max_length = model._meta.get_field("slug").max_length
        self.fallback = model._meta.model_name
        self.taken = set(model._default_manager.values_list("slug", flat=True))
        self.last = {}

    def __call__(self, text):
        base = slugify(anyascii(text))[: self.max_length - 4].strip("-") or self.fallback
        n = self.last.get(base, 0) + 1
        slug = base if n == 1 else f"{base}-{n}"
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.last[base] = n
        self.taken.add(slug)
        return slug


def next_id(model):
    """The first free primary key: new records get theirs here, so that rows
    can point at each other before any is written."""
    return (model._default_manager.aggregate(last=Max("pk"))["last"] or 0) + 1


def apportion(total, weights):
    """`total` split in proportion to `weights`, in whole numbers that add up
    to it exactly (largest remainders get the odd units)."""
    scale = total / sum(weights)
    shares = [weight * scale for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def pick(rng, weighted):
    """One key of `weighted` ({choice: weight}), at random by weight."""
    return rng.choices(list(weighted), list(weighted.values()))[0]
