"""The meet's day (check-in at the desk by the agenda's code, meetings held or
missed) and the follow-up asked of both sides afterwards, which feeds the
meeting's outcome."""

import datetime

import pytest
from django.core import mail

from access.roles import PUBLISHER
from events.models import B2BMeeting
from matchmaking import follow_up, notices, tasks
from matchmaking import requests as rules
from matchmaking.agenda import check_in_code
from matchmaking.models import CheckIn, FollowUp, Placement, SchedulerRun
from tests.conftest import official
from tests.matchmaking.meets import firm_at, scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(meet):
    user = official("desk", PUBLISHER)
    user.is_superuser = True  # every event in scope: the scope itself is tested elsewhere
    user.save()
    return user


def desk_url(meet):
    return f"/admin/b2b-desk/{meet.pk}/"


def test_the_desk_checks_a_firm_in_by_its_code_and_marks_the_meeting(
    client,
    meet,
    publisher,
):
    _, registration = scheduled(meet)
    client.force_login(publisher)
    client.cookies["django_language"] = "hi"
    response = client.post(desk_url(meet), {"code": check_in_code(registration)}, follow=True)
    assert "Tabriz Trading" in response.content.decode()
    assert CheckIn.objects.filter(registration=registration).exists()
    made_up = client.post(desk_url(meet), {"code": "not-a-code"}, follow=True).content.decode()
    assert "यह कोड इस मीट की किसी फ़र्म का नहीं है।" in made_up
    meeting = B2BMeeting.objects.get(event=meet)
    client.post(desk_url(meet), {"meeting": meeting.pk, "status": "no_show"})
    meeting.refresh_from_db()
    assert meeting.status == B2BMeeting.Status.NO_SHOW


def test_the_desk_is_for_staff_who_may_change_meetings(client, meet):
    scheduled(meet)
    client.force_login(official("viewer", "Report viewer"))
    assert client.get(desk_url(meet)).status_code == 403


def test_both_sides_are_asked_after_a_held_meeting_and_the_outcome_follows(
    client,
    meet,
    django_capture_on_commit_callbacks,
):
    scheduled(meet)
    placement = Placement.objects.get()
    B2BMeeting.objects.filter(pk=placement.meeting_id).update(status=B2BMeeting.Status.HELD)
    last_day = meet.end_date or meet.start_date
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up.due(last_day) == 0
        assert follow_up.due(last_day + datetime.timedelta(days=1)) == 1
        assert follow_up.due(last_day + datetime.timedelta(days=2)) == 0  # once per round
    marathi = next(m for m in mail.outbox if m.to == ["nashik.tools@example.in"])
    assert marathi.subject == "Tabriz Trading सोबतची तुमची बैठक कशी झाली?"
    persian = next(m for m in mail.outbox if m.to == ["tabriz.trading@example.in"])
    assert persian.subject == "دیدار شما با Nashik Tools چطور گذشت؟"
    link = next(line for line in persian.body.splitlines() if "/b2b/follow-up/" in line)
    path = link.split("127.0.0.1:8000")[1]
    assert path.startswith("/fa/b2b/follow-up/")
    client.post(path, {"interest": "5", "outcome": "order"})
    meeting = B2BMeeting.objects.get(pk=placement.meeting_id)
    assert meeting.outcome == B2BMeeting.Outcome.ORDER
    assert FollowUp.objects.get().interest == 5
    # A made-up link finds nothing.
    assert client.get("/fa/b2b/follow-up/made-up/").status_code == 404


def test_both_firms_are_told_their_meeting_once_and_a_rerun_keeps_it(
    meet, django_capture_on_commit_callbacks
):
    scheduled(meet)
    placement = Placement.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notices.notify(meet) == 1
        assert notices.notify(meet) == 0
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "tabriz.trading@example.in": "دیدار B2B شما با Nashik Tools",
        "nashik.tools@example.in": "Tabriz Trading सोबत तुमची B2B बैठक",
    }
    persian = next(m for m in mail.outbox if m.to == ["tabriz.trading@example.in"])
    assert "میز ۱" in persian.body and "/fa/account/meets/" in persian.body
    placement.refresh_from_db()
    assert placement.notified
    starts_at = placement.meeting.starts_at
    tasks.run_scheduler.delay(SchedulerRun.objects.create(event=meet, time_limit=5).pk)
    placement.refresh_from_db()
    assert placement.meeting.starts_at == starts_at


def test_a_told_meeting_moved_by_an_organiser_is_mailed_again(
    meet, django_capture_on_commit_callbacks
):
    scheduled(meet)
    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(meet)
    meeting = Placement.objects.get().meeting
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.outcome = B2BMeeting.Outcome.FOLLOW_UP
        meeting.save()  # not its time or table: nothing to tell
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        meeting.starts_at += datetime.timedelta(minutes=20)
        meeting.ends_at += datetime.timedelta(minutes=20)
        meeting.save()
    assert len(mail.outbox) == 2  # both firms
    persian = next(m for m in mail.outbox if m.to == ["tabriz.trading@example.in"])
    assert persian.subject == "تغییر کرد: دیدار B2B شما با Nashik Tools"
    assert "۱۰:۲۰" in persian.body


def test_a_no_shows_slot_is_given_to_a_request_still_waiting(
    client, meet, publisher, django_capture_on_commit_callbacks
):
    buyer, _ = scheduled(meet)
    missed = B2BMeeting.objects.get(event=meet)
    missed.status = B2BMeeting.Status.NO_SHOW
    missed.save()
    # Another seller the buyer met on the portal, accepted after the schedule was made.
    late_user, late = firm_at(meet, "Satara Foods", "seller", "hi")
    asked = rules.request_meeting(buyer, meet, late)
    rules.answer(late_user, asked, accept=True)
    client.force_login(publisher)
    page = client.get(desk_url(meet), {"day": missed.starts_at.date().isoformat()})
    assert "Satara Foods" in page.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(desk_url(meet), {"meeting": missed.pk, "fill": asked.pk})
    filled = Placement.objects.get(request=asked).meeting
    assert (filled.starts_at, filled.table) == (missed.starts_at, missed.table)
    assert len(mail.outbox) == 2
    # Given once: the request is placed now, and offered no more.
    response = client.post(desk_url(meet), {"meeting": missed.pk, "fill": asked.pk}, follow=True)
    assert "These firms cannot meet at that time" in response.content.decode()
