"""The exporters' base: options from its own form fields, the scope on every read, a selection."""

import pytest
from django import forms

from portal.models import Feedback
from portal.reports.exporter import EVERYTHING, Exporter
from tests.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


class FeedbackList(Exporter):
    """A report of the contact page's messages: the base needs nothing of the events app."""

    slug = "feedback"
    verbose_name = "Feedback"
    model = Feedback

    @classmethod
    def form_fields(cls):
        return {"handled_only": forms.BooleanField(label="Handled only", required=False)}

    def header(self):
        return ["Name", "Language"]

    def rows(self):
        messages = self.records().order_by("pk")
        if self.options.get("handled_only"):
            messages = messages.filter(handled=True)
        for message in messages:
            yield (message.name, message.language)


class OnlyHindi:
    """A scope: the messages written in Hindi; it notes every queryset it is asked about."""

    def __init__(self):
        self.asked = []

    def limit(self, queryset):
        self.asked.append(queryset.model)
        return queryset.filter(language="hi")


@pytest.fixture
def messages():
    return {
        "hi": FeedbackFactory(name="Ravi", language="hi", handled=True),
        "mr": FeedbackFactory(name="Sachin", language="mr"),
        "hi-open": FeedbackFactory(name="Meena", language="hi"),
    }


def rows(exporter):
    table = exporter.table("en")
    return table.header, list(table.rows)


def test_without_a_scope_an_exporter_reads_every_record(messages):
    assert FeedbackList().scope is EVERYTHING
    assert rows(FeedbackList()) == (
        ["Name", "Language"],
        [("Ravi", "hi"), ("Sachin", "mr"), ("Meena", "hi")],
    )


def test_every_read_goes_through_the_scope_before_any_filter(messages):
    scope = OnlyHindi()
    _header, found = rows(FeedbackList(scope=scope, handled_only=True))
    assert found == [("Ravi", "hi")]
    assert scope.asked == [Feedback]


def test_a_selection_stays_within_the_scope(messages):
    chosen = Feedback.objects.filter(pk__in=[messages["hi"].pk, messages["mr"].pk])
    _header, found = rows(FeedbackList(scope=OnlyHindi(), within=chosen))
    assert found == [("Ravi", "hi")]


def test_an_option_is_one_of_the_exporters_own_form_fields():
    assert list(FeedbackList.form_fields()) == ["handled_only"]
    with pytest.raises(TypeError, match="group_by"):
        FeedbackList(group_by="quarter")
    assert Exporter.form_fields() == {}


def test_a_table_without_filters_describes_none(messages):
    table = FeedbackList().table("hi")
    assert (table.title, table.slug, table.lang, table.filters) == (
        "Feedback",
        "feedback",
        "hi",
        [],
    )
    assert table.queryset is None
