"""A realistic national dataset, for trying the portal at scale (`manage.py generate_data`).

At scale 1: 100,000 events over ten years (the last one ahead), across the
Indian states and districts and some Iranian provinces; 50,000 organisations
(MSMEs with Udyam numbers and IECs, foreign buyers from 120 countries,
associations, departments); 200,000 people; 500,000 roles at events; 20,000
MoUs; 1,000,000 B2B meetings. Text is in English, Hindi and Marathi for
India, English and Persian for Iran, made of real words (words.py).

The same seed gives the same records on the same day (dates are counted
from today). Each table has its own random stream, so a change to how one
table is made leaves the others as they were.

Modules: words (the word lists), records (text columns, slugs, search text,
counts), writing (COPY or bulk_create), reference (regions, sectors,
schemes), directory (organisations, people), schedule (events, their links,
sessions, roles), deals (MoUs, B2B meetings); then the statistics page's
summaries (events.summaries).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from devtools.generate.deals import make_meetings, make_mous
from devtools.generate.directory import make_organisations, make_people
from devtools.generate.reference import ensure_reference
from devtools.generate.schedule import make_events, make_roles, plan_events
from devtools.generate.writing import writer
from events import summaries
from events.models import Event

COUNTS = {
    "events": 100_000,
    "organisations": 50_000,
    "people": 200_000,
    "roles": 500_000,
    "mous": 20_000,
    "meetings": 1_000_000,
}


def counts_at(scale):
    return {name: round(count * scale) for name, count in COUNTS.items()}


@dataclass
class Generated:
    tables: list  # (table, rows, seconds), in the order written
    flagship: str | None  # the slug of the published meet with 500 B2B meetings
    flagship_meetings: int  # 500, or all of them if there are fewer


def generate(*, scale=1.0, seed=0, report=print):
    """Add the dataset at `scale` to the database, in one transaction.

    `report` receives a line per table written (rows and seconds).
    """
    counts = counts_at(scale)
    today = timezone.localdate()
    # The translated fields' own columns hold the default language, whoever runs this.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        out = writer(report)
        reference = ensure_reference(out)
        directory = make_organisations(out, reference, counts["organisations"], seed)
        make_people(out, directory, counts["people"], seed)
        with out.step("events planned"):
            plans = plan_events(reference, directory, counts, seed, today)
        make_events(out, reference, directory, plans, seed, today)
        make_roles(out, directory, plans, counts["roles"], seed)
        make_mous(out, reference, directory, plans, counts["mous"], seed, today)
        make_meetings(out, directory, plans, seed, today)
        out.finish()
        # Written without saving models, the rows send no signals: the
        # statistics summaries are rewritten from them, in this transaction.
        with out.step("statistics summaries"):
            summaries.rebuild()
    out.vacuum()
    if not plans:
        return Generated(tables=out.written, flagship=None, flagship_meetings=0)
    return Generated(
        tables=out.written,
        flagship=Event.objects.get(pk=plans[0].id).slug,
        flagship_meetings=plans[0].meetings,
    )
