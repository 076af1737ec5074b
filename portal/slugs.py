"""Stable ASCII slugs from names written in any of the portal's scripts."""

from anyascii import anyascii
from django.utils.text import slugify


def unique_slug(model, text, *, max_length=None):
    """A slug for `text` not yet taken in `model`, with -2, -3, ... if needed.

    Devanagari and Persian names are transliterated (पुणे -> pune) so that
    public URLs stay ASCII; an English name, when there is one, reads best.
    """
    max_length = max_length or model._meta.get_field("slug").max_length
    base = slugify(anyascii(text or ""))[: max_length - 4].strip("-") or model._meta.model_name
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
