"""A choice field's label, quickly enough for a page that lists hundreds of records."""

import functools

from django import template

register = template.Library()


@functools.cache
def _labels(field):
    # The labels stay lazy: each is translated when shown, in the page's language.
    return dict(field.flatchoices)


@register.filter
def label(record, field_name):
    """What `record.get_<field_name>_display()` gives.

    Django's method hashes every choice again at each call, translating each
    label to do so: on an organisation page listing 500 events, a third of
    the page's time.
    """
    value = getattr(record, field_name)
    return _labels(record._meta.get_field(field_name)).get(value, value)
