"""XLSX: typed dates and numbers, a frozen bold header, an autofilter, fitting widths.

Written in openpyxl's write-only mode, which streams rows to the file and
holds none of them; column widths are taken from the first rows, which are
held back until the widths are set (openpyxl needs them before any row).
"""

import datetime
import decimal
import itertools

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .csv_writer import DEFUSED_STARTS, EXTRA_STARTS

SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 8, 60
NUMBER_FORMATS = {
    datetime.datetime: "yyyy-mm-dd hh:mm",
    datetime.date: "yyyy-mm-dd",
    decimal.Decimal: "#,##0.00",
}
# The text cells the CSV quotes get a leading "'" here too: openpyxl would
# store one starting with "=" as a formula, and a sheet saved again as CSV
# carries the others. (No "|" needs escaping: a text cell is never run.)
FORMULA_STARTS = DEFUSED_STARTS + EXTRA_STARTS


def neutralised(value):
    """A text cell a spreadsheet shows as written: a leading quote stops the formula."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def width(value):
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 11
    return len(str(value)) if value is not None else 0


def _cell(sheet, value, **style):
    if isinstance(value, str):
        # openpyxl stores a text starting with "=" as a formula.
        value = neutralised(value)
    cell = WriteOnlyCell(sheet, value=value)
    number_format = NUMBER_FORMATS.get(type(value))
    if number_format:
        cell.number_format = number_format
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def write_xlsx(table, out):
    """Write the report as an XLSX workbook into `out`, a binary file."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=table.title[:31])
    rows = iter(table.rows)
    sample = list(itertools.islice(rows, SAMPLE_ROWS))
    widths = [len(label) for label in table.header]
    for row in sample:
        widths = [max(w, width(value)) for w, value in zip(widths, row, strict=False)]
    for index, column_width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(column_width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.sheet_view.rightToLeft = table.lang == "fa"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, label, font=bold) for label in table.header])
    count = 0
    for row in itertools.chain(sample, rows):
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
    last = get_column_letter(max(len(table.header), 1))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    book.save(out)
