"""The public lists' pages: only a page past the end is an error (a 404); any
other value that is no page number shows the first page, and says so."""

import unicodedata

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from .filtering import shortened


def paginate(queryset, params, page_size, not_found, count=None):
    """One page of `queryset`, and a message if `page` was not a page number.

    A malformed page number, or 0, shows the first page; a page past the end
    raises Http404 with the `not_found` message. `count`, when the caller
    has counted the rows already, spares the paginator its count.
    """
    paginator = Paginator(queryset, page_size)
    if count is not None:
        paginator.count = count
    number = params.get("page", "1")
    ignored = []
    if not _is_page_number(number):
        ignored.append(
            _("Page “%(value)s” is not a page number; showing the first page.")
            % {"value": shortened(number)}
        )
        number = 1
    try:
        return paginator.page(number), ignored
    except InvalidPage as error:
        raise Http404(not_found) from error


def _is_page_number(value):
    """Digits in any script, not all zeros (pages are numbered from 1).

    Read digit by digit, not by int(), which refuses a string of over 4,300
    digits; such a page is past the end, as the paginator finds.
    """
    value = str(value)
    return value.isdecimal() and any(unicodedata.decimal(char) for char in value)
