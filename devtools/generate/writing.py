"""Two ways to write generated rows, fed by the same generators.

A row is a dict of column values by attribute name (`event_id`, `title_hi`).
A column left out takes its field's default, as `Model()` would give it, so
a field added to a model later with a default needs nothing here; a field
with only a database default is left to the database. PostgreSQL gets the
rows through COPY, streamed while they are generated (the server inserts one
chunk while Python makes the next); other databases through bulk_create.
"""

import re
import time
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice

from django.core.management.color import no_style
from django.db import IntegrityError, connection
from django.db.models import AutoField
from django.utils import timezone

BATCH = 2000


def writer(report):
    """The writer for the default database; `report` gets a line per table."""
    if connection.vendor == "postgresql":
        return CopyWriter(report)
    return BulkCreateWriter(report)


class Writer:
    def __init__(self, report):
        self.report = report
        self.written = []  # (table, rows, seconds)
        self.given_ids = set()
        self.models = []  # written to, in order

    def insert(self, model, rows):
        """Write `rows` (an iterable of dicts) into `model`'s table; returns how many."""
        started = time.perf_counter()
        rows = iter(rows)
        first = next(rows, None)
        count = 0
        if first is not None:
            if model._meta.pk.attname in first:
                self.given_ids.add(model)
            count = self.write(model, first, rows)
        seconds = time.perf_counter() - started
        table = model._meta.db_table
        self.written.append((table, count, seconds))
        self.models.append(model)
        self.report(f"{table:<36} {count:>10,} rows {seconds:8.1f} s")
        return count

    @contextmanager
    def step(self, label):
        """Time and report work that is not a table's."""
        started = time.perf_counter()
        yield
        self.report(f"{label:<52} {time.perf_counter() - started:8.1f} s")

    def finish(self):
        """After the last table: id sequences moved past the ids given,
        planner statistics brought up to date, foreign keys checked."""
        with self.step("id sequences and statistics"):
            models = sorted(self.given_ids, key=lambda model: model._meta.label)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
                for table in dict.fromkeys(table for table, count, _s in self.written if count):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        with self.step("foreign keys checked"):
            self.check_foreign_keys()

    def vacuum(self):
        """After the transaction: the tables written vacuumed (see `vacuum`)."""
        tables = dict.fromkeys(table for table, count, _s in self.written if count)
        with self.step("tables vacuumed"):
            vacuum(tables)

    def check_foreign_keys(self):
        # The database defers its checks to the end of the transaction: run them now.
        connection.check_constraints()


def vacuum(tables=()):
    """On PostgreSQL, VACUUM `tables` (every table if none is named).

    The lists' counts read covering indexes alone where the table's
    visibility map says a page holds no row to check; rows just written have
    none until a vacuum, which autovacuum runs on a live database (when it is
    on) some time after a bulk load. Vacuumed, the dataset is measured as it
    would be served. Nothing inside a caller's transaction (the tests'),
    where VACUUM cannot run.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for table in tables or [None]:
            cursor.execute(f"VACUUM {connection.ops.quote_name(table)}" if table else "VACUUM")


class BulkCreateWriter(Writer):
    def write(self, model, first, rows):
        count = 0
        batch = [first, *islice(rows, BATCH - 1)]
        while batch:
            model._default_manager.bulk_create([model(**row) for row in batch])
            count += len(batch)
            batch = list(islice(rows, BATCH))
        return count


class CopyWriter(Writer):
    """COPY into PostgreSQL, inside the caller's transaction.

    PostgreSQL checks a foreign key with a query per row, a minute over the
    full dataset. When the role may (a superuser), the per-row triggers are
    switched off for the transaction (session_replication_role) and each
    foreign key is checked once per table at the end, as a join: the same
    guarantee, in seconds. Check and unique constraints hold throughout.
    """

    def __init__(self, report):
        super().__init__(report)
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('is_superuser') = 'on'")
            self.triggers_off = cursor.fetchone()[0]
            if self.triggers_off:
                cursor.execute("SET LOCAL session_replication_role = replica")

    def check_foreign_keys(self):
        if not self.triggers_off:
            return super().check_foreign_keys()
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            for model in dict.fromkeys(self.models):
                for field in model._meta.concrete_fields:
                    if not field.many_to_one:
                        continue
                    target = field.target_field
                    column = quote(field.column)
                    cursor.execute(
                        f"SELECT child.{column} FROM {quote(model._meta.db_table)} child "
                        f"WHERE child.{column} IS NOT NULL AND NOT EXISTS (SELECT FROM "
                        f"{quote(target.model._meta.db_table)} parent "
                        f"WHERE parent.{quote(target.column)} = child.{column}) LIMIT 1"
                    )
                    missing = cursor.fetchone()
                    if missing:
                        raise IntegrityError(
                            f"{model._meta.db_table}.{field.column} = {missing[0]}: "
                            f"no such {target.model._meta.label}"
                        )

    def write(self, model, first, rows):
        given = list(first)
        defaults = _defaults(model, given)
        # Defaults made per row (a callable default) come first, then the
        # constant ones, formatted once.
        made = [(column, value) for column, value in defaults if callable(value)]
        fixed = [(column, value) for column, value in defaults if not callable(value)]
        columns = [model._meta.get_field(name).column for name in given]
        columns += [column for column, _value in made + fixed]
        constant = "".join("\t" + _text(value) for _column, value in fixed)

        def lines():
            for row in chain((first,), rows):
                values = [_text(row[name]) for name in given]
                values += [_text(make()) for _column, make in made]
                yield "\t".join(values) + constant + "\n"

        stream = _Stream(lines())
        quote = connection.ops.quote_name
        sql = "COPY {} ({}) FROM STDIN".format(
            quote(model._meta.db_table), ", ".join(quote(column) for column in columns)
        )
        with connection.cursor() as cursor:
            cursor.copy_expert(sql, stream)
        return stream.lines


def _defaults(model, given):
    """(column, default) for the columns not `given`: a row leaves them as a
    new instance would have them. A callable default makes a value per row."""
    now = timezone.now()
    defaults = []
    for field in model._meta.concrete_fields:
        if field.attname in given or isinstance(field, AutoField):
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults.append((field.column, now))
        elif field.has_default():
            default = field.default if callable(field.default) else field.get_default()
            defaults.append((field.column, default))
        elif not field.has_db_default():
            defaults.append((field.column, field.get_default()))
    return defaults


# COPY's text format: tab-separated, \N for NULL, backslash escapes.
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
# Searching first is quicker: translate() is slow on Devanagari and Persian text.
_SPECIAL = re.compile(r"[\\\t\n\r]")
_FORMATS = {
    str: lambda value: value.translate(_ESCAPES) if _SPECIAL.search(value) else value,
    int: str,
    type(None): lambda value: "\\N",
    bool: lambda value: "t" if value else "f",
    Decimal: str,
    date: date.isoformat,
    datetime: datetime.isoformat,
}


def _text(value):
    write = _FORMATS.get(type(value))
    if write is None:
        # A TextChoices member and the like: its str(), its type remembered.
        write = _FORMATS[type(value)] = lambda value: _FORMATS[str](str(value))
    return write(value)


class _Stream:
    """A file psycopg2 reads COPY data from, made line by line as it is read."""

    def __init__(self, lines):
        self.source = lines
        self.lines = 0

    def read(self, size=-1):
        chunk = list(islice(self.source, 1000))
        self.lines += len(chunk)
        return "".join(chunk).encode()
