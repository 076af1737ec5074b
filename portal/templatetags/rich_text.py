"""Descriptions written by officials: a little formatting, sanitised by nh3, and nothing else.

`{% load rich_text %}` then `{{ text|rich_text }}`, on event and organisation pages alike.
"""

import re

import nh3
from django import template
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

register = template.Library()

# Paragraphs, line breaks, bold and italic, lists and links: what a
# description needs. Everything else goes: styles, images, frames, forms,
# scripts and event handlers (on* attributes).
CLEANER = nh3.Cleaner(
    tags={"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"},
    attributes={"a": {"href"}},
    # Removed with what they hold, which is code rather than text to read.
    clean_content_tags={"script", "style", "iframe", "noscript", "template", "object", "svg"},
    # Links lead off the portal: no ranking for spammers, no window.opener.
    link_rel="nofollow noopener",
    url_schemes={"http", "https", "mailto"},
    # Only whole addresses: the text is also read in feeds and calendars,
    # where a relative link leads nowhere.
    url_relative="deny",
)

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|li)\b", re.IGNORECASE)


@register.filter
def rich_text(text):
    """`text` as safe HTML, its plain-text line breaks kept as Django's `linebreaks` keeps them.

    Text between blank lines is a paragraph and a single line break a <br>,
    unless that part is already laid out with paragraph or list tags. The
    sanitiser runs last, on the whole, so that nothing the layout does can
    let markup through, and it mends the nesting (<b> across two paragraphs).
    Text is otherwise kept as typed: Devanagari and Persian with their
    zero-width (non-)joiners, byte for byte.
    """
    parts = PARAGRAPH_BREAK.split(normalize_newlines(str(text or "")).strip())
    html = "\n\n".join(
        part if BLOCK_TAG.search(part) else "<p>{}</p>".format(part.strip().replace("\n", "<br>"))
        for part in parts
        if part.strip()
    )
    return mark_safe(CLEANER.clean(html))
