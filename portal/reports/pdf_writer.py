"""PDF: one printable template for every report, drawn by WeasyPrint.

WeasyPrint shapes text with HarfBuzz, so Devanagari conjuncts and joined
Persian letters come out right. The fonts are the portal's own (static/
vendor/fonts, woff2, which WeasyPrint reads and embeds), given by file URL,
so that a machine with no Devanagari or Persian system font prints the same.

WeasyPrint lays a document out whole, its memory growing with its rows (500
events took a worker to 453 MB). So a report is drawn a chunk of
settings.REPORT_PDF_CHUNK_ROWS rows at a time, from the same template, each
chunk written to a temporary file and forgotten; poppler's pdfunite then
joins the files page by page, in a process of its own and with little
memory (pypdf holds every page it joins: README, "Benchmark"). The first
chunk carries the title and filters; every page repeats the column headings
and is numbered across the chunks. A small report is one chunk, its file
the PDF.
"""

import datetime
import shutil
import subprocess
import tempfile
import unicodedata
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from portal import l10n

# How many chunks' files one run of pdfunite joins (see join()).
JOIN_FILES = 200

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


def chunks(rows, size):
    """`rows` in lists of `size`; one, empty, for a report with none."""
    rows = iter(rows)
    chunk = list(islice(rows, size))
    yield chunk
    while chunk := list(islice(rows, size)):
        yield chunk


def column_widths(document):
    """The table's column widths (CSS px) as WeasyPrint laid out the first page.

    The first chunk is laid out automatically, fitting the columns to their
    text; the others take its widths with a fixed layout, so that every page's
    columns line up, and in half the time (the automatic layout measures every
    cell's narrowest and widest forms, letter by letter).
    """
    # Private (Page._page_box), and so pinned by pyproject.toml's weasyprint<67.
    tables = (
        box for box in document.pages[0]._page_box.descendants() if hasattr(box, "column_widths")
    )
    return next(tables).column_widths


def write_chunk(table, rows, path, *, first_page, widths, fonts):
    """Lay out one chunk of the report and write it to `path`.

    Returns its count of pages and its column widths; its document, the
    memory that grows with its rows, is gone when this returns. `fonts`, a
    WeasyPrint FontConfiguration, is the report's: each font is decoded
    (woff2) once, not again for every chunk.
    """
    from weasyprint import HTML

    lang = table.lang
    with translation.override(lang):
        html = render_to_string(
            "reports/report.html",
            {
                "table": table,
                "header": [cell(label, lang) for label in table.header],
                "rows": ([cell(value, lang) for value in row] for row in rows),
                "font_size": font_size(len(table.header)),
                "generated": l10n.date(timezone.now(), lang),
                "fonts": font_faces(),
                "lang": lang,
                "rtl": get_language_info(lang)["bidi"],
                "first": first_page == 1,
                "first_page": first_page,
                "widths": [100 * width / sum(widths) for width in widths] if widths else None,
            },
        )
    document = HTML(string=html).render(font_config=fonts)
    document.write_pdf(path)
    return len(document.pages), widths or column_widths(document)


def write_pdf(table, out):
    """Write the report as a PDF into `out`, a binary file, a chunk at a time."""
    from weasyprint.text.fonts import FontConfiguration  # loads Pango: only for a PDF

    fonts = FontConfiguration()
    with tempfile.TemporaryDirectory(prefix="report-pdf-") as folder:
        parts, widths, next_page = [], None, 1
        for number, rows in enumerate(chunks(table.rows, settings.REPORT_PDF_CHUNK_ROWS)):
            parts.append(Path(folder) / f"{number}.pdf")
            pages, widths = write_chunk(
                table, rows, parts[-1], first_page=next_page, widths=widths, fonts=fonts
            )
            next_page += pages
        with join(parts, Path(folder)).open("rb") as pdf:
            shutil.copyfileobj(pdf, out)


def join(parts, folder):
    """The chunks' files as one PDF file: pdfunite, JOIN_FILES at a time.

    pdfunite holds every file it joins open: a 100,000-row report is 2,000
    chunks, and a service may open 1,024 files. So the joined file
    grows by JOIN_FILES chunks a run, each file deleted once joined (the
    folder holds the report about twice at most).
    """
    joined = parts[0]
    for start in range(1, len(parts), JOIN_FILES):
        added = parts[start : start + JOIN_FILES]
        result = folder / f"joined-{start}.pdf"
        subprocess.run(["pdfunite", joined, *added, result], check=True, capture_output=True)
        for done in (joined, *added):
            done.unlink()
        joined = result
    return joined
