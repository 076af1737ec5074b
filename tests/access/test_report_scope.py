"""Reports read through the official's scope, every query of every report.

The UP department's draft event, its meeting and its MoU are its own: an
MSSIDC official's report, in any format and with any filter, finds none of
them, nor the firms that met or signed only there (the organisation
directory with event filters lists who took part in the events it finds).
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.urls import reverse

import events.exporters as exporters_package
from events.exporters import EXPORTERS, OrganisationDirectory, ReportFilters
from events.models import Event
from orgs.models import Organisation
from tests.report_files import content, report_text

pytestmark = pytest.mark.django_db

FIRMS = ("Kanpur Saddlery Exports", "Agra Footwear Cluster", "Moradabad Brassware House")


@pytest.fixture
def up_draft(bodies):
    """The UP department's event as a draft; the firms at its meeting and MoU met nowhere else."""
    lucknow = bodies.lucknow
    lucknow.status = Event.Status.DRAFT
    lucknow.start_date = datetime.date(2026, 12, 9)
    lucknow.save()
    meeting = lucknow.meetings.get()
    mou = lucknow.agreements.get()
    other_party = mou.party_links.exclude(organisation=bodies.up).get().organisation
    for firm, name in zip((meeting.buyer, meeting.seller, other_party), FIRMS, strict=True):
        firm.name_en = name
        firm.save()
    mou.title_en = "Chikankari export tie-up"
    mou.save()
    # The MSSIDC meet falls in the same week: a period filter finds it, not Lucknow's.
    bodies.pune.start_date = datetime.date(2026, 12, 8)
    bodies.pune.save()
    return bodies


def filter_sets(bodies):
    """No filter, then each filter that would find the UP draft event."""
    return {
        "none": {},
        "organiser": {"organiser": bodies.up.slug},
        "publication": {"status": Event.Status.DRAFT},
        "kind": {"kind": Event.Kind.REVIEW_MEETING},
        "period": {"date_from": "2026-12-01", "date_to": "2026-12-31"},
    }


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
@pytest.mark.parametrize("slug", list(EXPORTERS))
def test_no_report_shows_another_bodys_unpublished_records(client, up_draft, slug, fmt, tmp_path):
    bodies = up_draft
    client.force_login(bodies.publisher)
    for name, filters in filter_sets(bodies).items():
        params = {"report": slug, "language": "en", "format": fmt, **filters}
        response = client.get(reverse("admin-reports"), params)
        assert response.status_code == 200, (name, response.content[:500])
        text = report_text(content(response), fmt, tmp_path)
        # Neither the event, its MoU, nor who organised, met or signed there
        # (but in the whole directory, which every official shares).
        hidden = ["Lucknow", "Chikankari"]
        if filters or slug != "organisations":
            hidden += FIRMS
            if name != "organiser":  # a PDF's heading names the organiser asked for
                hidden.append("DIEP-UP")
        for words in hidden:
            assert words not in text, (slug, fmt, name, words)
        # The official's own records are there: the test is not looking at nothing.
        if name == "none" and slug in {"events", "mous", "meetings"}:
            assert "Pune" in text, (slug, fmt)
        if name == "period" and slug == "organisations":
            assert "MSSIDC" in text, fmt


class NoEvents:
    """A scope that sees no event, nor anything that hangs off one; the directory whole."""

    def limit(self, queryset):
        return queryset if queryset.model is Organisation else queryset.none()


def test_a_scope_reaches_every_query_of_every_report(bodies):
    """With no event in scope, no report finds an event, a meeting, an MoU or who took part."""
    filters = ReportFilters(status=Event.Status.PUBLISHED)
    for slug, exporter_class in EXPORTERS.items():
        rows = list(exporter_class(filters, scope=NoEvents()).table("en").rows)
        if slug == "outcomes":
            assert [row[:2] for row in rows] == [("Total", 0)]
        else:
            assert rows == [], slug
    # Without event filters the directory is the shared directory, whole.
    directory = OrganisationDirectory(scope=NoEvents()).table("en").rows
    assert len(list(directory)) == Organisation.objects.count()


def test_exporters_read_only_through_the_scope():
    """No exporter of the events app reaches a model's manager but through `read()`."""
    package = Path(exporters_package.__file__).parent
    for module in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"objects", "_default_manager", "_base_manager"}, (
                    f"{module.name}:{node.lineno} reads {node.attr} outside the scope"
                )
