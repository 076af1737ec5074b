"""What the public list pages share: a page of a filtered list with its count
and facets, each list served by the same steps.

- the filters (portal.filtering): records named by slug or code looked up
  in one query, bad values named and ignored, defaults declared once;
- the count and every facet's counts, in one statement
  (portal.facet_counts), unless the caller has them kept;
- the page (portal.paging): only a page past the end is an error;
- the facets' choices named (portal.facets), in one more query.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import IntegerField, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from .facet_counts import count
from .facets import facet_choices
from .filtering import PortalFilterSet, ignored_filters
from .paging import paginate


@dataclass
class Listing:
    """One page of a filtered list, its facets ({name: FacetChoices}, in the
    order the page shows them), and what was ignored."""

    filterset: PortalFilterSet
    page: object
    facets: dict
    ignored: list

    @property
    def count(self):
        return self.page.paginator.count


def list_page(filterset, rows, params, *, page_size, not_found, counts=None):
    """One page of `rows` (the filterset's, ordered, with what the page
    shows of each), the facets, and what was ignored.

    `counts` (portal.facet_counts.Counts), when the caller has them kept,
    spare counting; a bad parameter is left out and named; a page past
    the end is a 404 saying `not_found`.
    """
    if counts is None:
        counts = count(filterset)
    page, bad_page = paginate(rows, params, page_size, not_found, counts.total)
    facets = facet_choices(filterset, counts)
    return Listing(filterset, page, facets, ignored_filters(filterset) + bad_page)


class SubqueryCount(Subquery):
    """How many rows a correlated subquery gives, as a single value."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def as_shown(field, prefix=""):
    """A translated field as the page shows it, for ordering: in the page's
    language, else in the first fallback language that has it."""
    codes = dict.fromkeys([get_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES])
    return Coalesce(*(NullIf(f"{prefix}{field}_{code}", Value("")) for code in codes))
