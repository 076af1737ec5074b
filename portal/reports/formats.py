"""The formats a report can be written in, and the HTTP response for each."""

import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .csv_writer import csv_bytes, write_csv
from .pdf_writer import write_pdf
from .xlsx_writer import write_xlsx

FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
    "pdf": ("application/pdf", write_pdf),
}
FORMAT_CHOICES = [("csv", _("CSV")), ("xlsx", _("Excel (XLSX)")), ("pdf", _("PDF"))]


def filename(table, fmt):
    return f"{table.slug}-{table.lang}-{timezone.localdate().isoformat()}.{fmt}"


def write(table, fmt, out):
    """Write `table` in format `fmt` into `out`, a binary file."""
    FORMATS[fmt][1](table, out)


def response(table, fmt):
    """A download of `table`; a CSV streams, never holding all its rows."""
    content_type, writer = FORMATS[fmt]
    if fmt == "csv":
        download = StreamingHttpResponse(csv_bytes(table), content_type=content_type)
    else:
        # XLSX and PDF files are built whole before they are sent.
        buffer = io.BytesIO()
        writer(table, buffer)
        download = HttpResponse(buffer.getvalue(), content_type=content_type)
    download["Content-Disposition"] = f'attachment; filename="{filename(table, fmt)}"'
    return download
