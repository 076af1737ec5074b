"""The writers: CSV (BOM, neutralised, streamed, COPY on PostgreSQL), XLSX and PDF."""

import csv
import datetime
import io
import os
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import load_workbook
from pypdf import PdfReader

from events.exporters import EXPORTERS, MeetingsRegister
from portal.reports.csv_writer import csv_bytes, python_chunks
from portal.reports.exporter import Table
from portal.reports.formats import write
from tests.factories import B2BMeetingFactory, EventFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

FORMULAS = ["=1+1", "+91 20", "-2", "@SUM(A1)", "\tx", "\rx"]


def table(rows, lang="en", header=("Name", "Date", "Count", "Value")):
    return Table(title="Test", header=list(header), rows=rows, lang=lang)


def written(tbl, fmt):
    out = io.BytesIO()
    write(tbl, fmt, out)
    return out.getvalue()


def read_csv(data):
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def meetings():
    event = EventFactory(title_en="Pune meet", title_fa="همایش پونه")
    # One after another, as table T2 can hold them.
    for slot, name in enumerate(['=HYPERLINK("x")', "पुणे उद्योग", "شرکت اراک"]):
        B2BMeetingFactory(
            event=event,
            seller=OrganisationFactory(name_en=name),
            table="-T1" if slot == 0 else "T2",
            value=Decimal("12.50"),
            currency="INR",
            starts_at=datetime.datetime(2025, 11, 6, 5, 20 * slot, tzinfo=datetime.UTC),
        )


def test_csv_has_a_bom_and_keeps_devanagari_and_persian():
    rows = read_csv(written(table([("पुणे", None, 1, None), ("اراک", None, 2, None)]), "csv"))
    assert [row[0] for row in rows] == ["Name", "पुणे", "اراک"]


def test_csv_neutralises_formula_cells_but_not_numbers():
    rows = read_csv(written(table([(text, None, -1, None) for text in FORMULAS]), "csv"))
    assert [row[0] for row in rows[1:]] == ["'" + text for text in FORMULAS]
    assert {row[2] for row in rows[1:]} == {"-1"}


def test_csv_of_the_register_is_the_same_through_copy_and_through_python(meetings):
    # On PostgreSQL csv_bytes runs COPY; python_chunks is the SQLite path.
    through_writer = read_csv(b"".join(csv_bytes(MeetingsRegister().table("fa"))))
    fresh = MeetingsRegister().table("fa")
    through_python = read_csv("".join(python_chunks(fresh.header, fresh.rows)).encode())
    assert through_writer == through_python
    assert through_writer[1][0] == "همایش پونه"
    assert through_writer[1][3] == '\'=HYPERLINK("x")' and through_writer[1][5] == "'-T1"
    assert through_writer[1][4] == "2025-11-06 10:30"
    assert through_writer[1][8] == "12.50"


# Cells a spreadsheet would run, and some that only look like it.
HOSTILE = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+91 20",
    "-2",
    "-1,000.50",
    "-2\n",
    "-x|y",
    "@SUM(A1)",
    "|x",
    "%x",
    "\tx",
    "\rx",
    "\t=x|y",
    "a|b",
    "'=x",
    " =x",
    'say "=hi", twice',
    "۱=۲",
]


def guarded(text):
    """The CSV guard, spelled out: defusedcsv's rule, and tab, CR and text like "-2" too."""
    if text[:1] in ("=", "+", "-", "@", "|", "%"):
        return "'" + text.replace("|", "\\|")
    if text[:1] in ("\t", "\r"):
        return "'" + text
    return text


def test_csv_guard_is_defusedcsvs_rule_with_tab_carriage_return_and_text_numbers():
    rows = read_csv(written(table([(text, None, -1, Decimal("-2.5")) for text in HOSTILE]), "csv"))
    assert [row[0] for row in rows[1:]] == [guarded(text) for text in HOSTILE]
    assert {(row[2], row[3]) for row in rows[1:]} == {("-1", "-2.5")}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_copy_and_python_write_hostile_cells_as_the_same_bytes():
    # The SQL guard of the COPY path repeats defusedcsv's rule: the two must agree exactly.
    event = EventFactory(title_en="=Pune|meet")
    for minute, text in enumerate(HOSTILE):
        B2BMeetingFactory(
            event=event,
            seller=OrganisationFactory(name_en=text),
            table=text,
            value=Decimal("12.50"),
            currency="INR",
            starts_at=datetime.datetime(2025, 11, 6, 5, minute, tzinfo=datetime.UTC),
        )
    through_copy = b"".join(csv_bytes(MeetingsRegister().table("en")))
    fresh = MeetingsRegister().table("en")
    through_python = "".join(python_chunks(fresh.header, fresh.rows)).encode()
    # Python ends a row with CRLF (the header too, on both paths), COPY with
    # LF; no cell holds a CRLF, and every other byte is the same.
    header, copied = through_copy.split(b"\r\n", 1)
    assert header + b"\n" + copied == through_python.replace(b"\r\n", b"\n")
    rows = read_csv(through_copy)
    assert [row[3] for row in rows[1:]] == [guarded(text) for text in HOSTILE]
    assert {row[0] for row in rows[1:]} == {"'=Pune\\|meet"}


def test_xlsx_has_typed_cells_a_frozen_header_and_an_autofilter():
    rows = [("=cmd", datetime.date(2025, 11, 6), 41, Decimal("1.50")), ("पुणे", None, 2, None)]
    book = load_workbook(io.BytesIO(written(table(rows, "fa"), "xlsx")))
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"
    assert sheet.sheet_view.rightToLeft
    assert [c.value for c in sheet[1]] == ["Name", "Date", "Count", "Value"]
    name, date, count, value = (c.value for c in sheet[2])
    assert name == "'=cmd" and sheet["A2"].data_type == "s"
    assert date == datetime.datetime(2025, 11, 6) and sheet["B2"].is_date
    assert count == 41 and value == 1.5
    assert sheet["A3"].value == "पुणे"
    assert sheet.column_dimensions["A"].width >= 8


@pytest.mark.parametrize("slug", sorted(EXPORTERS))
def test_each_report_opens_as_xlsx(slug, meetings):
    tbl = EXPORTERS[slug]().table("mr")
    book = load_workbook(io.BytesIO(written(tbl, "xlsx")))
    assert [cell.value for cell in book.active[1]] == tbl.header


def poppler(tool, data, tmp_path):
    if not shutil.which(tool):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} (Debian package poppler-utils) is missing; .ci/run installs it")
        pytest.skip(f"{tool} is not installed (Debian package poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    command = [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    ("lang", "expected", "font"),
    [
        ("mr", ["नोव्हेंबर", "महामंडळ", "१२.५", "INR"], "Noto-Sans-Devanagari"),
        ("fa", ["همایش پونه", "شرکت اراک"], "Vazirmatn"),
    ],
)
def test_pdf_embeds_the_portals_fonts_and_holds_the_text(
    lang, expected, font, meetings, tmp_path, monkeypatch
):
    # pdftotext reads the text back through the PDF's map from glyph to text,
    # which holds one text per glyph: where a Devanagari glyph serves several
    # syllables, what it reads depends on the page's other words, the date it
    # was made on included ("डिसेंबर" turned "महामंडळ" into "महामंडिळ"). The
    # page shows the right text either way; the date is fixed so the test is too.
    made_on = datetime.datetime(2025, 11, 20, 6, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr("portal.reports.pdf_writer.timezone.now", lambda: made_on)
    data = written(MeetingsRegister().table(lang), "pdf")
    text = poppler("pdftotext", data, tmp_path)
    fonts = poppler("pdffonts", data, tmp_path)
    for words in expected:
        assert words in text, words
    assert footers(data, tmp_path) == ["1"]  # the page's number
    embedded = [line for line in fonts.splitlines() if font in line]
    assert embedded and all(" yes " in line for line in embedded)
    assert "DejaVu" not in fonts  # no system font needed


def footers(data, tmp_path):
    """The text of each page's bottom margin (A4 landscape: 842 by 595 points)."""
    path = tmp_path / "footers.pdf"
    path.write_bytes(data)
    command = ["pdftotext", "-x", "0", "-y", "545", "-W", "842", "-H", "50", str(path), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    # pdftotext marks the direction of a Persian page's runs: not the text's.
    return [re.sub("[\u202a-\u202e]", "", page).strip() for page in text.split("\f")[:-1]]


CHUNKED_WORDS = {"hi": "पुणे", "mr": "संमेलन", "fa": "همایش"}


@pytest.mark.parametrize("lang", sorted(CHUNKED_WORDS))
def test_a_pdf_of_several_chunks_is_one_document_of_every_row_in_order(lang, settings, tmp_path):
    settings.REPORT_PDF_CHUNK_ROWS = 7
    word = CHUNKED_WORDS[lang]
    rows = [(f"{word} R{n:03}", "x") for n in range(40)]
    data = written(table(rows, lang=lang, header=("Name", "Note")), "pdf")
    text = poppler("pdftotext", data, tmp_path)
    pages = text.split("\f")[:-1]
    assert re.findall(r"R\d{3}", text) == [f"R{n:03}" for n in range(40)]
    assert text.count(word) == 40
    assert text.count("Test") == 1  # the title: on the first page alone
    assert all("Name" in page for page in pages)  # the headings: on every page
    # Six chunks of a page each, numbered across them.
    assert footers(data, tmp_path) == ["1", "2", "3", "4", "5", "6"]
    assert len(PdfReader(io.BytesIO(data)).pages) == 6
