"""What is printed for a meet's B2B meetings, as report tables (portal.reports):
a firm's agenda, in its participant's language; the organisers' whole-meet
timetable, and each table's sheet for its host."""

from django.utils.translation import gettext as _

from events.models import B2BMeeting
from portal.reports.exporter import Table

from .agenda import agenda, other_side


def _number(table):
    """A table's number as a number, so that the PDF writes it in the language's digits."""
    return int(table) if table.isdigit() else table


def agenda_table(registration, lang):
    """The firm's meetings: time, table, the other firm and its country."""
    rows = []
    for placement in agenda(registration):
        other = other_side(placement, registration).organisation
        meeting = placement.meeting
        rows.append((meeting.starts_at, _number(meeting.table), other.name, other.country.name))
    return Table(
        title=_("B2B agenda: %(firm)s") % {"firm": registration.organisation.name},
        header=[_("Time"), _("Table"), _("With"), _("Country")],
        rows=rows,
        lang=lang,
        filters=[(_("Event"), registration.event.title)],
        slug="b2b-agenda",
    )


def timetable(event, lang, table=None):
    """The meet's placed meetings by time and table; one table's only, as its sheet."""
    meetings = (
        B2BMeeting.objects.filter(event=event, placement__isnull=False)
        .select_related("buyer__country", "seller")
        .order_by("starts_at", "table", "pk")
    )
    title = _("B2B timetable")
    filters = [(_("Event"), event.title)]
    if table:
        meetings = meetings.filter(table=str(table))
        title = _("Table %(table)s: B2B meetings") % {"table": table}
        filters.append((_("Table"), str(table)))
    rows = [
        (
            meeting.starts_at,
            _number(meeting.table),
            meeting.buyer.name,
            meeting.buyer.country.name,
            meeting.seller.name,
            meeting.get_status_display(),
        )
        for meeting in meetings
    ]
    return Table(
        title=title,
        header=[_("Time"), _("Table"), _("Buyer"), _("Country"), _("Seller"), _("Status")],
        rows=rows,
        lang=lang,
        filters=filters,
        slug="b2b-timetable" if not table else f"b2b-table-{table}",
    )
