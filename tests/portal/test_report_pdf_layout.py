"""Reports print on A4 landscape in every language: every column on the page
(no text outside the page's box) and every header there to be read, and an
English cell in a Persian report reads in its own direction (issue 15, point 6)."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings

from events.exporters import EventsRegister, MoURegister
from portal.reports.exporter import Table
from portal.reports.formats import write
from portal.reports.pdf_writer import direction

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def pdf_of(exporter, lang, tmp_path):
    path = tmp_path / f"{lang}.pdf"
    with path.open("wb") as out:
        write(exporter.table(lang), "pdf", out)
    return path


def words_and_pages(path):
    """pdftotext's words with their boxes, and each page's size, in points."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [(float(w), float(h)) for w, h in PAGE.findall(html)]
    words = [(*map(float, box), text) for *box, text in WORD.findall(html)]
    return words, pages


def read_words(path):
    """The words pdftotext reads, without its bidi marks and the joiners it drops."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return set(re.sub("[\u200c\u200d\u202a-\u202e]", "", text).split())


def header_words(table, tmp_path):
    """The header's words as pdftotext reads them in the report with no rows.

    pdftotext reads a Devanagari glyph as the text it was first drawn for in
    the document, so a Hindi or Marathi header reads only the same way in a
    document that begins as the report does: its title, filters and header.
    """
    empty = Table(table.title, table.header, [], table.lang, table.filters)
    path = tmp_path / "header.pdf"
    with path.open("wb") as out:
        write(empty, "pdf", out)
    return read_words(path)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("exporter", [EventsRegister, MoURegister], ids=["events", "mous"])
def test_every_column_fits_the_page_and_every_header_is_printed(demo, exporter, lang, tmp_path):
    path = pdf_of(exporter(), lang, tmp_path)
    words, pages = words_and_pages(path)
    width, height = pages[0]
    assert width > height  # landscape
    outside = [w for x0, y0, x1, y1, w in words if min(x0, y0) < 0 or x1 > width or y1 > height]
    assert outside == []
    table = exporter().table(lang)
    printed = read_words(path)
    assert header_words(table, tmp_path) <= printed
    if lang == "en":  # pdftotext reads Devanagari conjuncts and Persian ligatures its own way
        for label in table.header:
            assert set(label.replace("\u200c", "").split()) <= printed, label


def test_a_cell_takes_the_direction_of_its_own_text():
    assert direction("Promotion of ODOP (One District One Product) products.") == "ltr"
    assert direction("ترویج محصولات یک منطقه") == "rtl"
    assert direction("۱۲۳ همایش") == "rtl"
    assert direction("2025") == ""
