"""Back-office lists of big tables, their dates and their counts read by index.

Django's changelist lists the years (or months, or days) its date hierarchy
offers with SELECT DISTINCT date_trunc(...) over every row of the list, and
its paginator counts every row. On the million B2B meetings each costs more
than the rest of the page together; here the periods are probed one by one
through the index on the date, and an unfiltered list of a big table is
counted from PostgreSQL's statistics.
"""

import copy
import datetime

from django.conf import settings
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.utils import get_fields_from_path
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import Exists, Max, Min
from django.utils import timezone
from django.utils.functional import cached_property

# Below this many rows an exact count is cheap (PostgreSQL counts some
# hundred thousand index entries in a few milliseconds); above, a list
# shows the planner's estimate, as the table's size is all it tells.
ESTIMATE_ABOVE = 200_000
# Fewer rows than this are read whole to list their periods: a few
# milliseconds, where probing periods that hold none of them can read an
# index's year of other rows each.
PROBE_FROM = 10_000


def _period_start(day, kind):
    if kind == "year":
        return day.replace(month=1, day=1)
    if kind == "month":
        return day.replace(day=1)
    return day


def _next_period(start, kind):
    if kind == "year":
        return start.replace(year=start.year + 1)
    if kind == "month":
        return (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return start + datetime.timedelta(days=1)


def dates_with_rows(queryset, field_name, kind):
    """The first day of each year, month or day ("kind") holding a row of `queryset`.

    What `queryset.dates(field_name, kind)` gives, in two queries whatever the
    number of rows: the first and last dates, then one EXISTS per period
    between them, each a probe of the index on the field. A date and time
    falls in the period of its day in the current time zone.
    """
    field = get_fields_from_path(queryset.model, field_name)[-1]
    has_time = isinstance(field, models.DateTimeField)

    def local_day(value):
        return timezone.localtime(value).date() if has_time else value

    def bound(day):
        if has_time:
            moment = datetime.datetime.combine(day, datetime.time.min)
            return timezone.make_aware(moment) if settings.USE_TZ else moment
        return day

    span = queryset.aggregate(first=Min(field_name), last=Max(field_name))
    if span["first"] is None:
        return []
    starts = []
    start, last = _period_start(local_day(span["first"]), kind), local_day(span["last"])
    while start <= last:
        starts.append(start)
        start = _next_period(start, kind)
    probes = {
        f"period_{i}": Exists(
            queryset.filter(
                **{
                    f"{field_name}__gte": bound(start),
                    f"{field_name}__lt": bound(_next_period(start, kind)),
                }
            )
        )
        for i, start in enumerate(starts)
    }
    # Any one row of the table carries the answers: the probes do not refer to it.
    found = queryset.model._base_manager.annotate(**probes).values(*probes).first()
    return [start for start, name in zip(starts, probes, strict=True) if found[name]]


class IndexedDates:
    """A changelist's rows as Django's date_hierarchy() reads them, periods by index.

    A few thousand rows (an official's own events' meetings, say) are
    quicker read whole, as Django does, than probed period by period.
    """

    def __init__(self, queryset, rows):
        self.queryset = queryset
        self.rows = rows

    def aggregate(self, *args, **kwargs):
        return self.queryset.aggregate(*args, **kwargs)

    def dates(self, field_name, kind):
        return self._periods(self.queryset.dates, field_name, kind)

    def datetimes(self, field_name, kind):
        return self._periods(self.queryset.datetimes, field_name, kind)

    def _periods(self, read_whole, field_name, kind):
        if self.rows < PROBE_FROM:
            return read_whole(field_name, kind)
        return dates_with_rows(self.queryset, field_name, kind)


def indexed_date_hierarchy(changelist):
    """Django's date hierarchy of `changelist`, its periods found by index."""
    probed = copy.copy(changelist)
    probed.queryset = IndexedDates(changelist.queryset, changelist.result_count)
    return date_hierarchy(probed)


class EstimatedCountPaginator(Paginator):
    """Tells the size of a big table, unfiltered, from PostgreSQL's statistics.

    The estimate is the planner's: rows per page at the last ANALYZE times
    the table's pages now. A filtered list, or a small table, is counted.
    """

    @cached_property
    def count(self):
        query = self.object_list.query
        connection = connections[self.object_list.db]
        if connection.vendor == "postgresql" and not query.where and not query.distinct:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples / NULLIF(relpages, 0)"
                    " * (pg_relation_size(oid) / current_setting('block_size')::int)"
                    " FROM pg_class WHERE oid = %s::regclass",
                    [connection.ops.quote_name(query.model._meta.db_table)],
                )
                (estimate,) = cursor.fetchone()
            if estimate is not None and estimate > ESTIMATE_ABOVE:
                return int(estimate)
        return super().count


class BigTableAdmin:
    """A ModelAdmin mixin for lists of hundreds of thousands of rows.

    Filtering a list does not count the whole table again; the date hierarchy
    and an unfiltered count are read by index (see the module's docstring).
    """

    change_list_template = "admin/change_list_indexed_dates.html"
    paginator = EstimatedCountPaginator
    show_full_result_count = False
