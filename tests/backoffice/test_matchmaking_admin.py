"""The organisers' side of B2B matchmaking: a meet's settings on the event
page, the requests within the official's scope, matching firms, running the
scheduler with its progress and what it could not place, and pinning."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import B2BMeeting
from matchmaking import requests
from matchmaking.models import MatchmakingSettings, MeetingRequest, Placement, SchedulerRun
from matchmaking.reasons import Reason
from orgs.models import Organisation
from participants import registrations
from portal import progress
from tests import factories
from tests.admin_forms import change_form, form_errors, inline_rows
from tests.backoffice.test_admin_languages import english_interface_strings, english_on
from tests.participants.helpers import member
from tests.report_files import pdf_text

pytestmark = pytest.mark.django_db

REQUESTS = reverse("admin:matchmaking_meetingrequest_changelist")
RUNS = reverse("admin:matchmaking_schedulerrun_changelist")
MEETINGS = reverse("admin:events_b2bmeeting_changelist")


def schedule_url(event):
    return reverse("admin:matchmaking_schedulerrun_schedule", args=[event.pk])


def match_url(event):
    return reverse("admin:matchmaking_meetingrequest_match", args=[event.pk])


@pytest.fixture
def meet(bodies):
    """Pune (MSSIDC's), one day of three 30-minute slots at two tables, the second reserved."""
    factories.RegistrationSettingsFactory(
        event=bodies.pune, seller_places=9, buyer_places=9, approval_required=False
    )
    bodies.pune.end_date = bodies.pune.start_date
    bodies.pune.save()
    MatchmakingSettings.objects.create(
        event=bodies.pune,
        day_starts=datetime.time(10),
        day_ends=datetime.time(11, 30),
        slot_minutes=30,
        tables=2,
        reserved_tables=[2],
    )
    return bodies


def firm_at(event, name, kind):
    organisation = factories.OrganisationFactory(
        name_en=name,
        name_mr="",
        kind=Organisation.Kind.FOREIGN_BUYER if kind == "buyer" else Organisation.Kind.MSME,
    )
    user = member(f"{organisation.slug}@example.in", organisation)
    return user, registrations.register(user, event, organisation, kind)


def buyer_and_sellers(event, sellers, name="Gulf Traders"):
    """A buyer whose requests `sellers` sellers accepted; the buyer's registration."""
    buyer, registration = firm_at(event, name, "buyer")
    for n in range(sellers):
        seller_user, seller = firm_at(event, f"Seller {n} of {name}", "seller")
        asked = requests.request_meeting(buyer, event, seller)
        requests.answer(seller_user, asked, accept=True)
    return registration


def in_language(lang, text):
    with translation.override(lang):
        return str(text)


def settings_rows(**fields):
    row = {
        "day_starts": "10:00",
        "day_ends": "17:00",
        "breaks": '[["13:00", "14:00"]]',
        "slot_minutes": "20",
        "tables": "10",
        "reserved_tables": "[9, 10]",
        "max_meetings": "12",
        "max_open_requests": "20",
        "who_requests": "buyers",
        "mode": "scheduler",
        **fields,
    }
    return inline_rows("matchmaking_settings", [row])


def test_the_event_page_sets_matchmaking_and_refuses_bad_breaks_in_hindi(client, bodies):
    client.force_login(bodies.publisher)
    client.cookies["django_language"] = "hi"
    url = reverse("admin:events_event_change", args=[bodies.pune.pk])
    data = change_form(client, url)
    bad = settings_rows(breaks='[["14:00", "13:00"]]', reserved_tables="[11]")
    response = client.post(url, {**data, **bad})
    assert response.status_code == 200
    errors = str(form_errors(response))
    for message in (
        "Write each break as a pair of times, HH:MM, the end after the start, "
        "e.g. [[“13:00”, “14:00”]].",
        "Reserved tables must be numbers from 1 to the number of tables.",
    ):
        hindi = in_language("hi", translation.gettext_lazy(message))
        assert hindi != message and hindi in errors, hindi
    assert not MatchmakingSettings.objects.exists()
    response = client.post(url, {**data, **settings_rows()})
    assert response.status_code == 302, form_errors(response)
    saved = MatchmakingSettings.objects.get(event=bodies.pune)
    assert (saved.breaks, saved.reserved_tables) == ([["13:00", "14:00"]], [9, 10])
    # The event page leads to the meet's scheduling.
    assert schedule_url(bodies.pune) in client.get(url).content.decode()


def test_an_official_of_another_body_or_without_the_permission_reaches_nothing(client, meet):
    buyer_and_sellers(meet.pune, 1)
    run = SchedulerRun.objects.create(event=meet.pune)
    outsider = factories.staff_with(
        "view_meetingrequest",
        "add_meetingrequest",
        "view_schedulerrun",
        "add_schedulerrun",
        username="up-publisher",
        organisations=[meet.up],
    )
    client.force_login(outsider)
    assert list(client.get(REQUESTS).context["cl"].result_list) == []
    assert list(client.get(RUNS).context["cl"].result_list) == []
    request = MeetingRequest.objects.get()
    for url in (
        reverse("admin:matchmaking_meetingrequest_change", args=[request.pk]),
        reverse("admin:matchmaking_schedulerrun_change", args=[run.pk]),
        reverse("admin:matchmaking_schedulerrun_progress", args=[run.pk]),
        schedule_url(meet.pune),
        match_url(meet.pune),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(schedule_url(meet.pune), {"time_limit": "5"}).status_code == 404
    assert SchedulerRun.objects.count() == 1
    # A report viewer of the meet's own body sees none of it.
    client.force_login(meet.viewer)
    for url in (
        reverse("admin:matchmaking_schedulerrun_change", args=[run.pk]),
        reverse("admin:matchmaking_schedulerrun_progress", args=[run.pk]),
        schedule_url(meet.pune),
        match_url(meet.pune),
    ):
        assert client.get(url).status_code == 403, url


def test_the_organisers_match_a_buyer_and_a_seller_and_see_a_refusal(client, meet):
    _, buyer = firm_at(meet.pune, "Gulf Traders", "buyer")
    _, seller = firm_at(meet.pune, "Kolhapur Textiles", "seller")
    chosen = {"buyer": buyer.pk, "seller": seller.pk, "priority": "3"}
    client.force_login(meet.clerk)  # data entry: reads, does not match
    assert client.post(match_url(meet.pune), chosen).status_code == 403
    client.force_login(meet.publisher)
    response = client.post(match_url(meet.pune), chosen, follow=True)
    assert "Gulf Traders and Kolhapur Textiles are matched." in [
        str(m) for m in response.context["messages"]
    ]
    matched = MeetingRequest.objects.get()
    assert (matched.status, matched.by_organiser, matched.priority) == ("accepted", True, 3)
    response = client.post(match_url(meet.pune), chosen)
    assert "A request between these firms is already waiting or accepted." in (
        response.content.decode()
    )
    assert MeetingRequest.objects.count() == 1
    # The list shows the firms and the status.
    page = client.get(REQUESTS, {"by_organiser__exact": "1"})
    html = page.content.decode()
    assert "Gulf Traders" in html and "Kolhapur Textiles" in html and "Essential" in html


def run_from_the_page(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(schedule_url(event), {"time_limit": "5"})
    run = SchedulerRun.objects.latest("pk")
    assert response.url == reverse("admin:matchmaking_schedulerrun_change", args=[run.pk])
    return run


def test_a_run_from_the_meets_page_writes_meetings_and_says_in_marathi_what_it_could_not_place(
    client, meet, django_capture_on_commit_callbacks
):
    buyer_and_sellers(meet.pune, 4)
    client.force_login(meet.clerk)
    assert 'name="time_limit"' not in client.get(schedule_url(meet.pune)).content.decode()
    assert client.post(schedule_url(meet.pune), {"time_limit": "5"}).status_code == 403
    client.force_login(meet.publisher)
    client.cookies["django_language"] = "mr"
    run = run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks)
    run.refresh_from_db()
    # One free table, three slots: three of the four meet (the fixture's one meeting aside).
    assert (run.status, run.requests, run.placed) == ("done", 4, 3)
    assert Placement.objects.filter(meeting__event=meet.pune).count() == 3
    html = client.get(reverse("admin:matchmaking_schedulerrun_change", args=[run.pk])).content
    html = html.decode()
    reason = in_language("mr", Reason.SLOTS_TAKEN.label)
    assert reason != in_language("en", Reason.SLOTS_TAKEN.label) and reason in html
    assert "Gulf Traders" in html and "progress.js" in html
    # The meet's page lists its runs; the list of runs leads to the meet's page.
    assert reverse("admin:matchmaking_schedulerrun_change", args=[run.pk]) in (
        client.get(schedule_url(meet.pune)).content.decode()
    )
    assert schedule_url(meet.pune) in client.get(RUNS).content.decode()


def test_the_meets_page_tells_the_firms_their_meetings_once(
    client, meet, django_capture_on_commit_callbacks
):
    buyer_and_sellers(meet.pune, 2)
    client.force_login(meet.publisher)
    run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(schedule_url(meet.pune), {"notify": ""})
    assert len(mail.outbox) == 4  # two meetings, each to both firms
    assert set(Placement.objects.values_list("notified", flat=True)) == {True}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(schedule_url(meet.pune), {"notify": ""})
    assert len(mail.outbox) == 4
    # A clerk may not.
    client.force_login(meet.clerk)
    assert client.post(schedule_url(meet.pune), {"notify": ""}).status_code == 403


def test_the_progress_answers_from_the_cache_while_running(client, meet):
    run = SchedulerRun.objects.create(event=meet.pune, status=SchedulerRun.Status.RUNNING)
    progress.publish(run, {"phase": "meetings", "objective": 1234, "bound": 1500})
    client.force_login(meet.clerk)
    client.cookies["django_language"] = "mr"
    url = reverse("admin:matchmaking_schedulerrun_progress", args=[run.pk])
    answer = client.get(url).json()
    assert answer["finished"] is False and answer["status"] == "running"
    assert answer["progress"] == {"objective": "१,२३४", "bound": "१,५००", "seconds": "—"}
    page = client.get(reverse("admin:matchmaking_schedulerrun_change", args=[run.pk]))
    assert url in page.content.decode() and "१,२३४" in page.content.decode()
    SchedulerRun.objects.filter(pk=run.pk).update(status=SchedulerRun.Status.DONE)
    assert client.get(url).json()["finished"] is True


def test_a_pinned_meeting_keeps_its_time_and_table_when_the_scheduler_runs_again(
    client, meet, django_capture_on_commit_callbacks
):
    buyer_and_sellers(meet.pune, 2)
    client.force_login(meet.publisher)
    run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks)
    placement = Placement.objects.select_related("meeting").order_by("-meeting__starts_at")[0]
    where = (placement.meeting.starts_at, placement.meeting.table)
    client.post(MEETINGS, {"action": "pin_selected", "_selected_action": [placement.meeting_id]})
    placement.refresh_from_db()
    assert placement.pinned
    assert run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks).placed == 2
    kept = B2BMeeting.objects.get(placement__request=placement.request_id)
    assert (kept.starts_at, kept.table) == where
    client.post(MEETINGS, {"action": "unpin_selected", "_selected_action": [kept.pk]})
    assert not Placement.objects.filter(pinned=True).exists()


@pytest.mark.parametrize("url", [REQUESTS, RUNS, MEETINGS])
def test_the_lists_queries_do_not_grow_with_their_rows(
    admin_client, meet, url, django_capture_on_commit_callbacks
):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(url).status_code == 200
        return len(ctx)

    buyer_and_sellers(meet.pune, 1)
    run_from_the_page(admin_client, meet.pune, django_capture_on_commit_callbacks)
    few = count()
    buyer_and_sellers(meet.pune, 3, "Dubai Importers")
    run_from_the_page(admin_client, meet.pune, django_capture_on_commit_callbacks)
    assert count() == few


@pytest.mark.parametrize("lang", ["hi", "mr", "fa"])
def test_the_matchmaking_pages_read_wholly_in_the_officials_language(
    client, meet, lang, django_capture_on_commit_callbacks
):
    buyer_and_sellers(meet.pune, 4)
    client.force_login(meet.publisher)
    run = run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks)
    client.cookies["django_language"] = lang
    interface = english_interface_strings()
    first_request = MeetingRequest.objects.first()
    for url in (
        REQUESTS,
        reverse("admin:matchmaking_meetingrequest_change", args=[first_request.pk]),
        match_url(meet.pune),
        RUNS,
        schedule_url(meet.pune),
        reverse("admin:matchmaking_schedulerrun_change", args=[run.pk]),
        reverse("admin:events_event_change", args=[meet.pune.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert english_on(response.content.decode(), interface) == set(), url


def test_the_timetable_and_each_tables_sheet_print_in_hindi(
    client, meet, tmp_path, django_capture_on_commit_callbacks
):
    buyer_and_sellers(meet.pune, 2)
    client.force_login(meet.publisher)
    client.cookies["django_language"] = "hi"
    run_from_the_page(client, meet.pune, django_capture_on_commit_callbacks)
    url = reverse("admin:matchmaking_schedulerrun_timetable", args=[meet.pune.pk])
    assert url in client.get(schedule_url(meet.pune)).content.decode()
    whole = pdf_text(client.get(url).content, tmp_path)
    assert "Gulf Traders" in whole and "समय" in whole
    sheet = pdf_text(client.get(url, {"table": "1"}).content, tmp_path)
    assert "Gulf Traders" in sheet
    empty = pdf_text(client.get(url, {"table": "2"}).content, tmp_path)  # the reserved one
    assert "Gulf Traders" not in empty
