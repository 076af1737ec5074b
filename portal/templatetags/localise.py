"""Template filters and tags that write numbers, dates and translated text
the way the page's language does (see portal.l10n)."""

import datetime
import html
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import translate_url
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from portal import l10n
from portal.date_inputs import SolarHijriDateInput

register = template.Library()


@register.filter
def local_number(value):
    return l10n.number(value, get_language())


@register.filter
def local_digits(value):
    return l10n.digits(value, get_language())


@register.filter
def local_date(value):
    return l10n.date(value, get_language())


@register.filter
def local_date_time(value):
    return l10n.date_time(value, get_language())


@register.filter
def gregorian_date(value):
    return l10n.gregorian(value, get_language())


@register.filter
def html_datetime(value):
    """A date, or an aware datetime to the second with its offset, for <time datetime>.

    (Django's "c" format writes microseconds, more than the three fraction
    digits HTML allows.)
    """
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat() if value else ""


@register.simple_tag
def event_dates(event):
    """The event's dates in words, or that they are still to be announced."""
    if not event.start_date:
        return _("Dates to be announced")
    return l10n.date_range(event.start_date, event.end_date, get_language())


@register.simple_tag
def previous_dates(event):
    """The dates a rescheduled or postponed event was first to be held on, in words."""
    return l10n.date_range(event.previous_start_date, event.previous_end_date, get_language())


@dataclass
class Shown:
    """A translated field's text as shown, and the language it is actually in."""

    text: str
    lang: str
    fallback: bool

    def __str__(self):
        return self.text


@register.simple_tag
def shown(record, field):
    """`record.field` in the page's language, or in the first fallback language that has it."""
    lang = get_language()
    for code in [lang, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES]:
        text = getattr(record, f"{field}_{code}", None)
        if text:
            return Shown(text, code, code != lang)
    return Shown("", lang, False)


@register.filter
def language_name(code):
    """A language's name in the page's language ("English" on a Marathi page: इंग्रजी)."""
    return get_language_info(code)["name_translated"]


@register.simple_tag(takes_context=True)
def page_in(context, lang, absolute=False):
    """This page, filters included, in another language; with `absolute`, its
    whole address (as the head's hreflang links need it).

    A list's date filters carry the same days in that language's calendar:
    ۱۴۰۵-۰۱-۰۱ on a Persian page is 2026-03-21 on the others, and back.
    """
    request = context["request"]
    path = request.get_full_path()
    listing = context.get("listing")
    if listing is not None and lang != get_language():
        params = listing.filterset.params_in(request.GET, lang)
        if params is not None:
            path = f"{request.path}?{params.urlencode()}"
    path = translate_url(path, lang)
    return request.build_absolute_uri(path) if absolute else path


# Persian pages' date inputs name their format in this hint.
DATE_HINT_ID = "date-format-hint"


@register.simple_tag
def date_format_hint():
    """What the date inputs take, on Persian pages (which have no browser date picker)."""
    if get_language() != "fa":
        return ""
    # The example left to right, as the inputs show dates: year first.
    example = format_html('<span dir="ltr">{}</span>', l10n.digits("1405-01-15", "fa"))
    hint = escape(
        _(
            "Dates in the Solar Hijri calendar, year-month-day, for example %(example)s; "
            "a Gregorian date is read too."
        )
    ) % {"example": example}
    return format_html('<p class="filters__hint" id="{}">{}</p>', DATE_HINT_ID, mark_safe(hint))


@register.simple_tag
def date_input(bound_field, **attrs):
    """A list filter's date input as the page's language takes dates.

    Persian pages: a text input for a Solar Hijri date with the portal's
    calendar, showing the date as typed. Elsewhere the browser's date input,
    showing the day asked for, however it was written (a Solar Hijri date
    from a Persian page's link included), or nothing if it is no day.
    """
    typed = bound_field.data or ""
    if get_language() == "fa":
        attrs["aria-describedby"] = DATE_HINT_ID
        return SolarHijriDateInput(attrs).render(bound_field.html_name, typed)
    try:
        day = bound_field.field.clean(typed)
    except ValidationError:
        day = None
    return format_html(
        '<input type="date" name="{}" value="{}"{}>',
        bound_field.html_name,
        day.isoformat() if day else "",
        format_html_join("", ' {}="{}"', attrs.items()),
    )


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None or "" drops one)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


FIGURE_FORMATS = {
    "exact": "%(n)s",
    # Translators: a reported figure, e.g. "more than 500" (Marathi puts the number first).
    "at_least": gettext_lazy("more than %(n)s"),
    # Translators: a reported figure, e.g. "about 300".
    "about": gettext_lazy("about %(n)s"),
}


@register.simple_tag
def figure(value, qualifier):
    """A reported figure with its qualifier: "more than 500", "५०० हून अधिक"."""
    return FIGURE_FORMATS.get(qualifier, "%(n)s") % {"n": l10n.number(value, get_language())}


# Under a state in a facet's list, its districts.
DISTRICT_INDENT = "\u00a0\u00a0– "


@register.simple_tag
def facet_options(choices):
    """The <option>s of a facet's choices with their counts, a state's districts under it.

    Written here, not in a template loop: the event list offers some 400
    choices, and the template engine took longer over them than over the
    rest of the page. Escaped with the standard library's escape, which
    Django's own wraps: format_html's checks for lazy and safe text, per
    value, took longer than the writing.
    """
    lang = get_language()
    options = []
    for choice in choices:
        for option, indent in (
            (choice, ""),
            *((child, DISTRICT_INDENT) for child in choice.children),
        ):
            options.append(
                f'<option value="{html.escape(str(option.value))}"'
                f"{' selected' if option.selected else ''}>{indent}"
                f"{html.escape(str(option.label))} ({l10n.number(option.count, lang)})</option>"
            )
    return mark_safe("".join(options))
