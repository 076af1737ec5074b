"""Downloaded reports read back as text, for the tests that look inside them."""

import csv
import io
import os
import shutil
import subprocess

import pytest
from openpyxl import load_workbook


def content(response):
    """A download's bytes, streamed (CSV) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def pdf_text(data, tmp_path):
    """The text pdftotext reads in a PDF (poppler-utils; CI installs it)."""
    if not shutil.which("pdftotext"):
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (Debian package poppler-utils) is missing; .ci/run installs it")
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    command = ["pdftotext", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def report_text(data, fmt, tmp_path):
    """Every cell (or, of a PDF, every word) of a report, as one text."""
    if fmt == "csv":
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        return "\n".join(cell for row in rows for cell in row)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(data)).active
        return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    return pdf_text(data, tmp_path)
