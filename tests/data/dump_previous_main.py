"""How tests/data/previous-main-demo.json was made: the rows the demo data and
a visitor's message write into a database of the main branch before the
layers (commit 2366ef4), table by table, for tests/config/test_migrations.py.

Run in a checkout of that commit, with this project's virtualenv:

    git worktree add --detach /tmp/previous 2366ef4
    cd /tmp/previous && PYTHONPATH=. DEBUG=1 DATABASE_URL=sqlite:////tmp/previous.sqlite3 \
        /path/to/.venv/bin/python /path/to/tests/data/dump_previous_main.py \
        | sed '1{/^Demo data/d}' > previous-main-demo.json
"""

import datetime
import decimal
import json
import os
import sys

import django

# Django is set up before the project's modules are imported (the previous
# main's settings module).
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
django.setup()
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def rows():
    out = {}
    with connection.cursor() as c:
        for table in connection.introspection.table_names():
            if not table.startswith(("orgs_", "events_", "access_")):
                continue
            c.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in c.description]
            out[table] = (cols, {tuple(r) for r in c.fetchall()})
    return out


call_command("migrate", verbosity=0)
before = rows()
call_command("load_demo", verbosity=0)
# A visitor's message too: the feedback table moves with the restructure.
from orgs.models import Feedback  # noqa: E402  (the previous main's model)

Feedback.objects.create(
    name="مهدی لطیفی", message="تاریخ همایش اراک را اعلام کنید.", page="/fa/events/", language="fa"
)
after = rows()


def plain(v):
    if isinstance(v, (datetime.date, datetime.time, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    return v


dump = {}
for table, (cols, rs) in sorted(after.items()):
    new = rs - before[table][1]
    if new:
        dump[table] = {
            "columns": cols,
            "rows": sorted(
                ([plain(v) for v in r] for r in new), key=lambda r: json.dumps(r, default=str)
            ),
        }
json.dump(dump, sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
