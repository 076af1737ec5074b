"""Back-office forms as the browser posts them, for the tests that post them."""

from django import forms as django_forms

from events.models import Event

INLINES = (
    "organiser_links",
    "sessions",
    "roles",
    "agreements",
    "registration_settings",
    "registration_questions",
    "matchmaking_settings",
)


def event_form(**fields):
    """A complete event add/change form, as the browser posts it."""
    data = {
        "kind": Event.Kind.BUYER_SELLER_MEET,
        "format": Event.Format.IN_PERSON,
        "status": Event.Status.DRAFT,
        "country": "IN",
        "meeting_minutes": 20,
        "schedule": Event.Schedule.SCHEDULED,
        **{f"{figure}_qualifier": "exact" for figure in Event.FIGURES},
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(fields)
    return data


def form_errors(response):
    """Every error the page shows, to say why a save was refused."""
    forms = [response.context["adminform"].form]
    forms += [f for inline in response.context["inline_admin_formsets"] for f in inline.formset]
    return [(form.prefix, form.errors) for form in forms if form.errors]


def inline_rows(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": 0}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def mou_form(parties, **fields):
    return {
        "title_en": "MoU for ODOP branding and promotion",
        "status": "signed",
        **inline_rows(
            "party_links", [{"organisation": o.pk, "role": "party", "order": 0} for o in parties]
        ),
        **fields,
    }


def change_form(client, url):
    """The change form as the browser would post it back, unchanged."""
    response = client.get(url)
    data = {}
    forms = [response.context["adminform"].form]
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    for formset in formsets:
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name, field in form.fields.items():
            if isinstance(field, django_forms.FileField):
                continue
            value = form[name].value()
            if value is None or value is False:
                continue
            if isinstance(value, list):
                value = [str(v) for v in value]
            data[form.add_prefix(name)] = value
    return data
