"""The text of an uploaded report: .txt in its encodings, .docx, PDF text; what is refused."""

import io

import docx
import pytest
import weasyprint
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from events.intake.documents import text_from_upload

REPORT = "पुणे : ६ व ७ नोव्हेंबर २०२५ रोजी आंतरराष्ट्रिय खरेदीदार-विक्रेता परिषद पार पडली."


def upload(name, data):
    return SimpleUploadedFile(name, data)


def refusal(name, data):
    with pytest.raises(ValidationError) as caught:
        text_from_upload(upload(name, data))
    return caught.value


def docx_bytes(*paragraphs, table=None):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scanned_pdf():
    """A page that is only a picture, as a scanner makes it."""
    out = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(out, format="PDF")
    return out.getvalue()


@pytest.mark.parametrize(
    "encoded",
    [
        REPORT.encode(),
        b"\xef\xbb\xbf" + REPORT.encode(),
        REPORT.encode("utf-16"),  # with its byte-order mark, as Notepad saves "Unicode"
        b"\xfe\xff" + REPORT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 le", "utf-16 be"],
)
def test_a_text_file_is_read_in_its_encoding(encoded):
    assert text_from_upload(upload("report.txt", encoded)) == REPORT


def test_a_picture_named_txt_is_refused_as_not_text():
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, format="PNG")
    error = refusal("report.txt", out.getvalue())
    assert error.code == "not_text"


def test_utf16_without_its_mark_is_refused_rather_than_read_as_gibberish():
    assert refusal("report.txt", REPORT.encode("utf-16-le")).code == "not_text"


def test_a_word_document_gives_its_paragraphs_and_tables():
    data = docx_bytes("पुणे : परिषद पार पडली.", "३२ सामंजस्य करार", table=[["देश", "१६"]])
    assert text_from_upload(upload("report.docx", data)) == (
        "पुणे : परिषद पार पडली.\n३२ सामंजस्य करार\nदेश\t१६"
    )


def test_a_text_named_docx_is_refused():
    assert refusal("report.docx", REPORT.encode()).code == "not_docx"


def test_a_pdf_gives_its_text_layer():
    html = "<p>The buyer-seller meet was held in Pune on 6 and 7 November 2025.</p>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    text = text_from_upload(upload("report.pdf", pdf))
    assert "held in Pune on 6 and 7 November 2025" in " ".join(text.split())


def test_a_scanned_pdf_is_refused_with_a_reason_in_the_officials_language():
    with translation.override("mr"):
        error = refusal("scan.pdf", scanned_pdf())
        assert error.code == "pdf_without_text"
        assert "PDF" in str(error.message) and "scanned" not in str(error.message)


def test_a_broken_pdf_and_another_type_are_refused():
    assert refusal("report.pdf", b"%PDF-1.7 nothing more").code == "not_pdf"
    assert refusal("report.odt", REPORT.encode()).code == "file_type"


def test_a_file_over_the_upload_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1000
    assert refusal("report.txt", b"a" * 1001).code == "file_too_large"
