"""`manage.py check_integrity`: the B2B meetings on record that break a rule,
listed and never changed (the demo data and a generated dataset keep them
all: tests/devtools/test_generate_data.py)."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from events.models import B2BMeeting
from orgs.models import Organisation
from tests.factories import EventFactory, MoUFactory, MoUPartyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def check():
    out = StringIO()
    try:
        call_command("check_integrity", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_the_demo_data_break_no_rule(demo):
    out, failed = check()
    assert failed is None
    assert out.rstrip().endswith("0 violations.")


def test_meetings_recorded_before_the_rules_are_each_listed(demo):
    """The impossible schedules the back-office once accepted, written as an old
    release or a script would (without the models' checks, and on PostgreSQL
    without the exclusion constraints, as before migration 0013)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # undone with the test's transaction
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the demo's rows checked first
            for name in ("meeting_buyer_free", "meeting_seller_free", "meeting_table_free"):
                cursor.execute(f"ALTER TABLE events_b2bmeeting DROP CONSTRAINT {name}")
    pune = EventFactory(start_date=datetime.date(2025, 11, 6), end_date=datetime.date(2025, 11, 7))
    at = timezone.make_aware(datetime.datetime(2025, 11, 6, 11, 0))
    minutes = datetime.timedelta(minutes=1)
    buyer, other_buyer, third_buyer = OrganisationFactory.create_batch(
        3, kind=Organisation.Kind.FOREIGN_BUYER
    )
    sellers = OrganisationFactory.create_batch(5, kind=Organisation.Kind.MSME)
    ministry = OrganisationFactory(kind=Organisation.Kind.GOVERNMENT)
    mou = MoUFactory(event=pune)
    MoUPartyFactory(mou=mou, organisation=ministry)
    MoUPartyFactory(mou=mou)

    def meeting(buyer, seller, starts, **fields):
        return B2BMeeting(
            event=pune, buyer=buyer, seller=seller, starts_at=starts,
            ends_at=starts + 20 * minutes, **fields,
        )  # fmt: skip

    meetings = B2BMeeting.objects.bulk_create(
        [
            meeting(buyer, sellers[0], at, table="T-12"),
            meeting(buyer, sellers[1], at + 10 * minutes),  # the same buyer, 11:10
            meeting(other_buyer, sellers[2], at + 40 * minutes, table="T-12"),
            meeting(third_buyer, sellers[3], at + 45 * minutes, table="T-12"),  # the table
            meeting(
                other_buyer, sellers[4], timezone.make_aware(datetime.datetime(2024, 1, 1, 10))
            ),
            meeting(ministry, sellers[4], at + 2 * 60 * minutes),  # a ministry as buyer
            meeting(other_buyer, sellers[4], at + 3 * 60 * minutes, outcome="mou", mou=mou),
        ]
    )
    out, failed = check()
    assert failed == "7 violations."
    counts = dict(line[2:].rsplit(": ", 1) for line in out.splitlines() if line.startswith("- "))
    assert counts == {
        "a firm in two meetings at once": "2",
        "a table in two meetings at once": "2",
        "outside its event's days": "1",
        "a buyer of a kind that does not buy at the event": "1",
        "a seller of a kind that does not sell at the event": "0",
        "an MoU not signed by both firms, or the outcome not MoU": "1",
    }
    assert f"meeting {meetings[1].pk}: {pune.slug}, 2025-11-06 11:10" in out
    # Listed, not changed.
    assert B2BMeeting.objects.filter(event=pune).count() == 7
