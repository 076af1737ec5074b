"""Records built once and written back for each test, as rows.

The demo data take `load_demo` some 1,700 queries and two seconds to write;
a test that needs them, or another dataset built through the models, gets
them back in one INSERT a table instead. `recorded(build)` runs `build` in
a transaction that is rolled back and keeps what it returned with the rows
it wrote (and the keys of those it changed or deleted); `restore(recording)`
writes those rows back inside the test's own transaction, primary keys and
all, so that the records `build` returned name the rows the test sees.

`table_rows` and `insert_rows` also serve the migration test, which reads
every row of a database before and after migrating it.
"""

import json
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# The apps whose tables the datasets write (their history and derived tables included).
DATA_APPS = ("portal", "orgs", "events", "access", "participants")


def data_models():
    for app_label in DATA_APPS:
        yield from apps.get_app_config(app_label).get_models(include_auto_created=True)


def data_tables():
    return [model._meta.db_table for model in data_models()]


def table_rows(tables):
    """{table: (columns, {row, ...})}: every row of each table, as the database gives it."""
    qn = connection.ops.quote_name
    found = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {qn(table)}")
            columns = tuple(column[0] for column in cursor.description)
            found[table] = columns, {tuple(map(_hashable, row)) for row in cursor.fetchall()}
    return found


def _hashable(value):
    # JSON columns come back from PostgreSQL as dicts and lists; as text they
    # are written back the same way on both databases.
    return json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value


def insert_rows(rows):
    """Write `rows` (as table_rows gives them) into their tables."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, (columns, values) in rows.items():
            if not values:
                continue
            names = ", ".join(map(qn, columns))
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {qn(table)} ({names}) VALUES ({marks})", list(values))
    # New rows after these get keys of their own (PostgreSQL's sequences).
    written = [model for model in data_models() if model._meta.db_table in rows]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), written):
            cursor.execute(statement)


@dataclass
class Recording:
    result: object
    rows: dict


def recorded(build):
    """Run `build()` in a transaction rolled back afterwards: what it returned,
    and the rows it added to the data tables."""
    tables = data_tables()
    with transaction.atomic():
        before = table_rows(tables)
        result = build()
        after = table_rows(tables)
        transaction.set_rollback(True)
    keys = {model._meta.db_table: model._meta.pk.column for model in data_models()}
    written = {}
    for table, (columns, rows) in after.items():
        old = before[table][1]
        new, gone = rows - old, old - rows
        if new or gone:
            # A row that build() changed or deleted goes, a changed one to be
            # written anew.
            key = columns.index(keys[table])
            written[table] = columns, new, (keys[table], {row[key] for row in gone})
    return Recording(result, written)


def restore(recording):
    """Write a recording's rows back (in the test's transaction) and return its result."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, (_columns, _rows, (key, gone)) in recording.rows.items():
            for value in gone:
                cursor.execute(f"DELETE FROM {qn(table)} WHERE {qn(key)} = %s", [value])
    insert_rows({table: (columns, rows) for table, (columns, rows, _) in recording.rows.items()})
    return recording.result
