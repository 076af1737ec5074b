r"""CSV: UTF-8 with a byte-order mark, formula-looking cells neutralised, streamed.

On PostgreSQL a report that has its rows as one SQL query is written by the
database itself (COPY ... TO STDOUT), several times faster than Python's csv
module; everywhere else, and for the other reports, Python writes it in
batches. Both give the same cells, byte for byte.

The guard against CSV injection (OWASP: a spreadsheet runs a cell starting
with `=`, `+`, `-`, `@`, tab or carriage return as a formula) is defusedcsv's
writer, which puts a `'` before a text cell starting with `=`, `+`, `-`,
`@`, `|` or `%` (and writes that cell's `|` as `\|`, against DDE), plus two
things defusedcsv leaves as they are and the portal's rule does not: a cell
starting with a tab or a carriage return, and text that reads as a negative
number ("-2", a table's name: quoted, it stays text; a number column comes
as numbers and is never quoted).
"""

import contextlib
import datetime
import io
import queue
import re
import threading

import psycopg2
import psycopg2.extensions
from defusedcsv import csv as defusedcsv
from django.conf import settings
from django.db import connections

BOM = "\ufeff"
DATETIME_FORMAT = "%Y-%m-%d %H:%M"
BATCH = 2000

# defusedcsv 3's rule, which COPY's SQL (`guarded`) repeats: a text cell
# starting with one of these gets a leading "'", and its "|" becomes "\|",
# unless the whole cell reads as a number (`^-?[0-9,.]+$`, by re.match).
DEFUSED_STARTS = ("=", "+", "-", "@", "|", "%")
PIPE, ESCAPED_PIPE = "|", "\\|"
# What the portal adds before defusedcsv sees the cell: a leading "'" on a
# cell starting with a tab or a carriage return,
EXTRA_STARTS = ("\t", "\r")
# and on the text defusedcsv takes for a number: the only exempt cells that
# start with one of DEFUSED_STARTS (matched as defusedcsv does, by re.match,
# where "$" matches before a final newline too). Such a cell has no "|" to
# escape, so the two rules make one: "'" before a text cell starting with
# one of DEFUSED_STARTS or EXTRA_STARTS, and "|" escaped in the first kind.
NEGATIVE_NUMBER = re.compile(r"^-[0-9,.]+$")


def cell(value):
    """A value as the Python writer hands it to defusedcsv."""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, str) and (value.startswith(EXTRA_STARTS) or NEGATIVE_NUMBER.match(value)):
        return "'" + value
    return value


def python_chunks(header, rows):
    """The CSV text, a batch of rows at a time."""
    buffer = io.StringIO()
    writer = defusedcsv.writer(buffer)
    buffer.write(BOM)
    writer.writerow([cell(label) for label in header])
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
    defusedcsv.writer(buffer).writerow([cell(label) for label in header])
    return buffer.getvalue()


def _chars(chars):
    """Characters as SQL: chr() of each, so that a tab or a quote needs no escaping."""
    return ", ".join(f"chr({ord(char)})" for char in chars)


def _text(chars):
    return " || ".join(f"chr({ord(char)})" for char in chars)


def _starts_with_one_of(chars):
    """A PostgreSQL regular expression (a literal) for a text starting with one of `chars`."""
    assert not set(chars) & set("]^\\'"), "a character the bracket expression would misread"
    escapes = {"\t": r"\t", "\r": r"\r"}
    ordered = sorted(chars, key=lambda char: char != "-")  # "-" first: not a range
    return "'^[" + "".join(escapes.get(char, char) for char in ordered) + "]'"


def guarded(column):
    """A text column neutralised in SQL, exactly as `cell` and defusedcsv do in Python.

    COPY's rows never pass through Python (which is what makes it several
    times faster than the Python writer), so the guard is said again in SQL,
    from the same constants; the comments above them say why the two rules
    are one, and a test writes hostile cells both ways and compares the bytes.
    One regular expression passes over the many cells that need nothing.
    """
    quote = "''''"
    return (
        f"CASE WHEN {column} ~ {_starts_with_one_of(DEFUSED_STARTS + EXTRA_STARTS)} "
        f"THEN {quote} || CASE WHEN left({column}, 1) IN ({_chars(EXTRA_STARTS)}) THEN {column} "
        f"ELSE replace({column}, {_text(PIPE)}, {_text(ESCAPED_PIPE)}) END "
        f"ELSE {column} END"
    )


def copy_sql(queryset):
    """COPY of the queryset's rows as CSV, text neutralised and times local, in SQL.

    The query's SQL is Query.sql_with_params()'s, as for the portal's other
    raw SQL (in Django 5.2 it compiles for the default database, the only
    one). The columns' types are the database's: the query run with LIMIT 0
    gives them (DB-API cursor.description) without reading a row.
    """
    connection = connections[queryset.db]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        inner = cursor.mogrify(sql, params).decode()
        cursor.execute(f"SELECT * FROM ({inner}) AS report LIMIT 0")
        types = [column.type_code for column in cursor.description]
    columns = []
    for index, type_code in enumerate(types):
        column = f"c{index}"
        if type_code == psycopg2.STRING:
            column = guarded(column)
        elif type_code == psycopg2.extensions.PYDATETIMETZ:
            # The staff's local time, as the Python writer gives it.
            column = f"to_char({column} AT TIME ZONE '{settings.TIME_ZONE}', 'YYYY-MM-DD HH24:MI')"
        columns.append(column)
    names = ", ".join(f"c{index}" for index in range(len(columns)))
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
