"""PDF: one printable template for every report, drawn by WeasyPrint.

WeasyPrint shapes text with HarfBuzz, so Devanagari conjuncts and joined
Persian letters come out right. The fonts are the portal's own (static/
vendor/fonts, woff2, which WeasyPrint reads and embeds), given by file URL,
so that a machine with no Devanagari or Persian system font prints the same.
"""

import datetime
import unicodedata

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from portal import l10n

FONTS = {
    "Noto Sans Devanagari": {
        400: "vendor/fonts/noto-sans-devanagari-devanagari-400-normal.woff2",
        700: "vendor/fonts/noto-sans-devanagari-devanagari-700-normal.woff2",
    },
    "Vazirmatn": {
        # The whole font (npm "vazirmatn" 33.0.3, TTF), not the web page's Arabic
        # subset: its Latin letters print the English text of every report.
        400: "vendor/fonts/vazirmatn-400.ttf",
        700: "vendor/fonts/vazirmatn-700.ttf",
    },
}


def font_faces():
    """(family, weight, file URL) of each font the PDF uses."""
    return [
        (family, weight, f"file://{finders.find(path)}")
        for family, weights in FONTS.items()
        for weight, path in weights.items()
    ]


def shown(value, lang):
    """A cell as printed: numbers and dates as the language writes them."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return l10n.date_time(value, lang)
    if isinstance(value, datetime.date):
        return l10n.date(value, lang)
    if isinstance(value, int | float) or hasattr(value, "as_tuple"):
        return l10n.number(value, lang)
    return value


def direction(text):
    """ "rtl" or "ltr", by the text's first strong letter, as dir="auto" decides.

    Each cell is laid out in its own direction: an English name in a Persian
    report keeps its full stop at its end, and a Persian one in an English
    report reads right to left.
    """
    for char in str(text):
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


def cell(value, lang):
    text = shown(value, lang)
    return text, direction(text)


def font_size(columns):
    """Points, smaller the more columns an A4 landscape page must hold side by side."""
    return max(5.5, min(8.0, 8.0 - (columns - 10) * 0.25))


def write_pdf(table, out):
    """Write the report as a PDF into `out`, a binary file."""
    from weasyprint import HTML  # loads Pango: only when a PDF is asked for

    lang = table.lang
    with translation.override(lang):
        html = render_to_string(
            "reports/report.html",
            {
                "table": table,
                "header": [cell(label, lang) for label in table.header],
                "rows": ([cell(value, lang) for value in row] for row in table.rows),
                "font_size": font_size(len(table.header)),
                "generated": l10n.date(timezone.now(), lang),
                "fonts": font_faces(),
                "lang": lang,
                "rtl": get_language_info(lang)["bidi"],
            },
        )
    HTML(string=html).write_pdf(out)
