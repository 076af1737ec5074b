"""What a report is: an exporter names it, reads its records and yields its rows.

An exporter is a class with a `slug` (its name in URLs and on the command
line), a `verbose_name`, the `model` whose records it lists (the admin's
"export selected" hands it a selection of them), its own form fields
(`form_fields()`: the options the Reports page and the command offer for it,
given back to it as keyword arguments), and `header()` and `rows()`: the
column labels and the rows of typed values (dates as dates, numbers as
numbers) in the active language. `table(lang)` hands both, with the title
and the filters, to a writer (`portal.reports.formats`), which owns the
format. A report whose rows are one SQL query also gives that query
(`values_queryset()`), so that a writer may let the database write them.

Scope is one rule, kept here: every queryset an exporter reads starts at
`read(model)`, which hands the model's rows to the user's scope before any
filter. The scope is any object with `limit(queryset)` (the back-office
passes access.scope.UserScope; this layer knows nothing of access); none is
everything, for scheduled runs and the bench.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from django import forms
from django.db.models import Case, CharField, ExpressionWrapper, F, Model, QuerySet, Value, When
from django.utils import timezone, translation

from portal.listing import as_shown


class Scope(Protocol):
    """Which rows of a queryset a user may read."""

    def limit(self, queryset: QuerySet) -> QuerySet: ...


class Everything:
    """The scope of a run with no user (the management command, the bench): every row."""

    def limit(self, queryset):
        return queryset


EVERYTHING = Everything()


class NoFilters:
    """The filters of an exporter that has none: nothing to describe."""

    def described(self):
        return []


@dataclass
class Table:
    """A report ready for a writer: title, filters, header and rows.

    `queryset`, when given, is a values_list() whose columns are the rows'
    columns, so that a writer can let the database produce them itself.
    """

    title: str
    header: list[str]
    rows: Iterable[tuple]
    lang: str
    filters: list = field(default_factory=list)
    slug: str = "report"
    queryset: QuerySet | None = None


class Exporter:
    """A report: see the module's docstring."""

    slug: ClassVar[str] = ""
    verbose_name: ClassVar[Any] = ""
    model: ClassVar[type[Model] | None] = None
    # The filters' class, made empty when an exporter is given none.
    filters_class: ClassVar[type] = NoFilters

    def __init__(
        self,
        filters=None,
        *,
        scope: Scope | None = None,
        within: QuerySet | None = None,
        **options,
    ):
        unknown = set(options) - set(self.form_fields())
        if unknown:
            raise TypeError(f"{type(self).__name__} has no option {', '.join(sorted(unknown))}")
        self.filters = filters if filters is not None else self.filters_class()
        self.scope = scope if scope is not None else EVERYTHING
        # The admin's "export selected": only these records of `model`.
        self.within = within
        self.options = options

    @classmethod
    def form_fields(cls) -> dict[str, forms.Field]:
        """The report's own options, as form fields by name (new ones on each call).

        The Reports page shows every report's fields (label them for their
        report) and gives the chosen report the values of its own, as keyword
        arguments; an empty value is left out, so that the exporter's default
        holds. They are therefore optional.
        """
        return {}

    def read(self, model: type[Model]) -> QuerySet:
        """The rows of `model` in the user's scope: every queryset an exporter reads starts here."""
        # _default_manager: Django's documented handle on any model's manager.
        return self.scope.limit(model._default_manager.all())

    def records(self) -> QuerySet:
        """The report's own records: `model`'s in scope, only the selected ones if any."""
        records = self.read(self.model)
        if self.within is not None:
            records = records.filter(pk__in=self.within.values("pk"))
        return records

    def queryset(self) -> QuerySet:
        """The records the report's rows are made of, its filters applied."""
        return self.records()

    def count(self) -> int:
        """How many records the report reads: whether it is built as a job, and its progress."""
        return self.queryset().order_by().count()

    def header(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> Iterator[tuple]:
        raise NotImplementedError

    def values_queryset(self) -> QuerySet | None:
        """The rows as a values_list() of SQL expressions, where the report has one."""
        return None

    def table(self, lang) -> Table:
        """The report in `lang`; its rows are read lazily in that language."""
        with translation.override(lang):
            return Table(
                title=str(self.verbose_name),
                header=[str(label) for label in self.header()],
                rows=self._rows_in(lang),
                lang=lang,
                filters=[(str(k), str(v)) for k, v in self.filters.described()],
                slug=self.slug,
                queryset=self.values_queryset(),
            )

    def _rows_in(self, lang):
        with translation.override(lang):
            yield from self.rows()


def joined(items):
    """Several values in one cell."""
    return "; ".join(str(item) for item in items)


def local(value: datetime.datetime | None):
    """A datetime as the staff read it: local time, without a zone (Excel has none)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def choice_label(field_name, choices):
    """A choice field's label in the active language, computed in SQL."""
    return Case(
        *(When(**{field_name: value}, then=Value(str(label))) for value, label in choices),
        default=F(field_name),
        output_field=CharField(),
    )


def shown(field_name, prefix=""):
    """A translated field in the active language (with the models' fallbacks), in SQL."""
    # Each language's column is its own field class: say what comes out.
    return ExpressionWrapper(as_shown(field_name, prefix), output_field=CharField())
