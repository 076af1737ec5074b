"""The exporters' base: options from its own form fields, a selection."""

import pytest
from django import forms

from portal.models import Feedback
from portal.reports.exporter import Exporter
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


def test_an_exporter_reads_every_record(messages):
    assert rows(FeedbackList()) == (
        ["Name", "Language"],
        [("Ravi", "hi"), ("Sachin", "mr"), ("Meena", "hi")],
    )


def test_a_selection_and_an_option(messages):
    chosen = Feedback.objects.filter(pk__in=[messages["hi"].pk, messages["mr"].pk])
    _header, found = rows(FeedbackList(within=chosen, handled_only=True))
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
