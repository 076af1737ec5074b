"""The text of a report uploaded as a file: plain text, a Word document or a PDF.

- `.txt`: UTF-8, or UTF-8 or UTF-16 with a byte-order mark (what Windows'
  Notepad writes). Bytes that are no such text (a picture or a program
  renamed `.txt`) are refused rather than read as mojibake.
- `.docx`: its paragraphs and tables' cells, in order (python-docx). A file
  whose parts would unpack beyond `MAX_UNPACKED_BYTES` is refused unread.
- `.pdf`: the text layer of its pages (pypdf). A scanned page has none:
  it is refused, since reading pictures (OCR) is not the portal's business.

Every refusal is a ValidationError in the official's language, with a code.
"""

import io
import unicodedata
import zipfile
from pathlib import PurePath

import docx
import pypdf
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from docx.opc.exceptions import OpcError
from pypdf.errors import PyPdfError

from portal.validators import validate_upload_size

# Bytes a .docx may unpack to: its XML is read whole into memory.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters a text file has (tab, line breaks, form feed); any other is not text.
TEXT_CONTROLS = {"\t", "\n", "\r", "\f"}

SUFFIXES = (".txt", ".docx", ".pdf")


def text_from_upload(upload):
    """The text of an uploaded report, or a ValidationError saying why not."""
    validate_upload_size(upload)
    suffix = PurePath(upload.name or "").suffix.lower()
    readers = {".txt": plain_text, ".docx": word_text, ".pdf": pdf_text}
    if suffix not in readers:
        raise ValidationError(
            _("Upload the report as a .txt, .docx or .pdf file."), code="file_type"
        )
    upload.seek(0)
    return readers[suffix](upload.read())


def plain_text(data):
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = None
    if text is None or any(
        unicodedata.category(char) == "Cc" and char not in TEXT_CONTROLS for char in text
    ):
        raise ValidationError(
            _(
                "This file is not text: save the report as plain text (UTF-8), "
                "or upload the .docx or .pdf itself."
            ),
            code="not_text",
        )
    return text.lstrip("\ufeff")


def word_text(data):
    not_word = ValidationError(
        _("This file is not a Word document (.docx) that can be read."), code="not_docx"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise not_word from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise not_word
    try:
        document = docx.Document(io.BytesIO(data))
    except (OpcError, ValueError, KeyError, zipfile.BadZipFile):
        # A zip that is no Word document: python-docx's own error, or Python's from inside it.
        raise not_word from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def pdf_text(data):
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password: upload it without the protection."),
                code="pdf_encrypted",
            )
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError):
        # pypdf's own errors, and the Python ones a malformed file raises inside it.
        raise ValidationError(
            _("This file is not a PDF that can be read."), code="not_pdf"
        ) from None
    if not text.strip():
        raise ValidationError(
            _(
                "This PDF has no text to read: it seems to be a scanned picture. "
                "Upload a PDF with text, or paste the report's text."
            ),
            code="pdf_without_text",
        )
    return text
