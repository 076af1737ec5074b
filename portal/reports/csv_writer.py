"""CSV: UTF-8 with a byte-order mark, formula-looking cells neutralised, streamed.

On PostgreSQL a report that has its rows as one SQL query is written by the
database itself (COPY ... TO STDOUT), several times faster than Python's csv
module; everywhere else, and for the other reports, Python writes it in
batches. Both give the same cells.
"""

import contextlib
import csv
import datetime
import io
import queue
import threading

from django.conf import settings
from django.db import connections
from django.db.models import CharField, DateTimeField, TextField

BOM = "\ufeff"
# A spreadsheet runs a cell starting with these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same characters as a PostgreSQL regular expression ('-' last: not a range).
FORMULA_PATTERN = "^[=+@\t\r-]"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
BATCH = 2000


def neutralised(value):
    """A text cell a spreadsheet shows as written: a leading quote stops the formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell(value):
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    return neutralised(value)


def python_chunks(header, rows):
    """The CSV text, a batch of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow([neutralised(label) for label in header])
    batch = []
    for row in rows:
        batch.append([cell(value) for value in row])
        if len(batch) >= BATCH:
            writer.writerows(batch)
            batch.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(batch)
    yield buffer.getvalue()


def header_chunk(header):
    buffer = io.StringIO()
    buffer.write(BOM)
    csv.writer(buffer).writerow([neutralised(label) for label in header])
    return buffer.getvalue()


def copy_sql(queryset):
    """COPY of the queryset's rows as CSV, text neutralised and times local, in SQL."""
    connection = connections[queryset.db]
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    columns = []
    for index, (expression, _sql, _alias) in enumerate(compiler.select):
        column = f"c{index}"
        field = expression.output_field
        if isinstance(field, CharField | TextField):
            # Same rule as `neutralised`.
            column = (
                f"CASE WHEN {column} ~ '{FORMULA_PATTERN}' THEN '''' || {column} ELSE {column} END"
            )
        elif isinstance(field, DateTimeField):
            # The staff's local time, as the Python writer gives it.
            column = f"to_char({column} AT TIME ZONE '{settings.TIME_ZONE}', 'YYYY-MM-DD HH24:MI')"
        columns.append(column)
    names = ", ".join(f"c{index}" for index in range(len(columns)))
    with connection.cursor() as cursor:
        inner = cursor.mogrify(sql, params).decode()
    return (
        f"COPY (SELECT {', '.join(columns)} FROM ({inner}) AS report ({names})) "
        "TO STDOUT WITH (FORMAT csv)"
    )


def can_copy(table):
    return table.queryset is not None and connections[table.queryset.db].vendor == "postgresql"


def copy_to(table, out):
    """Write the rows with COPY into `out`, a binary file."""
    with connections[table.queryset.db].cursor() as cursor:
        cursor.copy_expert(copy_sql(table.queryset), out, 1 << 16)


class _QueueFile:
    """A file COPY writes into, read as a generator; stops COPY when no one reads."""

    def __init__(self):
        self.chunks = queue.Queue(maxsize=32)
        self.closed = threading.Event()

    def write(self, data):
        while not self.closed.is_set():
            try:
                self.chunks.put(bytes(data), timeout=0.5)
                return len(data)
            except queue.Full:
                continue
        raise OSError("the download was closed")


def copy_chunks(table):
    """The COPY output as a generator of bytes, holding at most a few chunks.

    COPY writes into a file; a thread runs it so that the response can read
    as it is written. It runs on this request's own database connection
    (psycopg2 connections may be shared between threads), so it sees the
    rows this request sees; Django would open another one in a new thread.
    """
    sql = copy_sql(table.queryset)
    connection = connections[table.queryset.db]
    connection.ensure_connection()
    raw = connection.connection
    sink = _QueueFile()
    done = object()
    failure = []

    def run():
        try:
            with raw.cursor() as cursor:
                cursor.copy_expert(sql, sink, 1 << 16)
        except Exception as error:  # handed to the reading side
            failure.append(error)
        finally:
            sink.chunks.put(done)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        while (chunk := sink.chunks.get()) is not done:
            yield chunk
    finally:
        sink.closed.set()
        # Unblock a writer waiting on a full queue, then let it end.
        while thread.is_alive():
            with contextlib.suppress(queue.Empty):
                sink.chunks.get(timeout=0.1)
    if failure:
        raise failure[0]


def csv_bytes(table):
    """The whole CSV as a generator of bytes."""
    if can_copy(table):
        yield header_chunk(table.header).encode()
        yield from copy_chunks(table)
    else:
        for chunk in python_chunks(table.header, table.rows):
            yield chunk.encode()


def write_csv(table, out):
    """Write the CSV into `out`, a binary file (the management command's)."""
    if can_copy(table):
        out.write(header_chunk(table.header).encode())
        copy_to(table, out)
    else:
        for chunk in python_chunks(table.header, table.rows):
            out.write(chunk.encode())
