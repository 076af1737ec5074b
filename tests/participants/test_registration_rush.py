"""A rush on a meet's last places: many firms registering at the same moment,
each in its own thread with its own connection to PostgreSQL, end with the
meet exactly full and everyone else on the waiting list; a place freed in the
middle of the rush is offered once, to the first who waits; an official who
saves the meet meanwhile waits for no registration that waits for them."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.db.models import Count

from participants import registrations
from participants.models import Registration, RegistrationSettings
from portal.page_cache import tag_version
from tests import factories
from tests.participants.helpers import member

pytestmark = [
    # Committed rows, for the threads' connections to see; the serialized
    # rollback brings back what the migrations wrote (the countries).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database: the rush needs PostgreSQL's row locks",
    ),
]

Status = Registration.Status
SELLER = Registration.Kind.SELLER


def firms(count, prefix):
    """`count` firms, each with a participant who acts for it."""
    pairs = []
    for n in range(count):
        organisation = factories.OrganisationFactory(name_en=f"{prefix} exports {n}")
        pairs.append((member(f"{prefix}{n}@example.in", organisation), organisation))
    return pairs


def all_at_once(jobs):
    """Run each job in a thread of its own, all released together; their errors, raised."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=10)
            job()
        except Exception as error:  # the test thread raises it below
            errors.append(error)
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    if errors:
        raise errors[0]


def counts(event):
    return dict(
        Registration.objects.filter(event=event).values_list("status").annotate(n=Count("pk"))
    )


def test_fifty_at_once_for_the_last_ten_places():
    meet = factories.RegistrationSettingsFactory(
        seller_places=12, buyer_places=0, approval_required=False
    )
    for user, organisation in firms(2, "early"):
        registrations.register(user, meet.event, organisation, SELLER)
    rush = firms(50, "rush")

    all_at_once(
        [
            lambda user=user, organisation=organisation: registrations.register(
                user, meet.event, organisation, SELLER
            )
            for user, organisation in rush
        ]
    )

    assert counts(meet.event) == {Status.APPROVED: 12, Status.WAITLISTED: 40}
    assert registrations.places_left(meet) == {SELLER: 0}
    rushed = Registration.objects.filter(organisation__in=[o for _u, o in rush])
    assert rushed.holding_places().count() == 10
    assert rushed.count() == 50  # one each


def test_places_freed_during_the_rush_are_offered_once_each():
    meet = factories.RegistrationSettingsFactory(
        seller_places=10, buyer_places=0, approval_required=False
    )
    holders = [
        registrations.register(user, meet.event, organisation, SELLER)
        for user, organisation in firms(10, "holder")
    ]
    waiting = [
        registrations.register(user, meet.event, organisation, SELLER)
        for user, organisation in firms(10, "waiting")
    ]
    assert {r.status for r in waiting} == {Status.WAITLISTED}
    rush = firms(30, "rush")

    # Five holders withdraw while thirty more firms register.
    all_at_once(
        [
            lambda registration=registration: registrations.cancel(registration)
            for registration in holders[:5]
        ]
        + [
            lambda user=user, organisation=organisation: registrations.register(
                user, meet.event, organisation, SELLER
            )
            for user, organisation in rush
        ]
    )

    assert Registration.objects.filter(event=meet.event).holding_places().count() == 10
    assert counts(meet.event) == {
        Status.APPROVED: 5,
        Status.CANCELLED: 5,
        # The freed places went to the first five who waited before the rush,
        # not to a firm of the rush, and each to one firm only.
        Status.OFFERED: 5,
        Status.WAITLISTED: 35,
    }
    offered = Registration.objects.filter(event=meet.event, status=Status.OFFERED)
    assert set(offered.values_list("pk", flat=True)) == {r.pk for r in waiting[:5]}


def test_an_official_saving_the_meet_during_a_registration_deadlocks_with_no_one(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    meet = factories.RegistrationSettingsFactory(
        seller_places=5, buyer_places=0, approval_required=False
    )
    [(user, organisation)] = firms(1, "late")
    event_tag = f"events.event:{meet.event.pk}"
    version = tag_version(event_tag)
    saved = threading.Event()

    def official():
        # As the back-office saves an event with its registration settings inline.
        with transaction.atomic():
            meet.event.save()
            saved.set()
            time.sleep(0.5)  # the registration locks the meet's settings meanwhile
            reg_settings = RegistrationSettings.objects.get(pk=meet.pk)
            reg_settings.seller_places = 6
            reg_settings.save()

    def participant():
        saved.wait(timeout=5)
        registrations.register(user, meet.event, organisation, SELLER)

    all_at_once([official, participant])

    assert Registration.objects.get(organisation=organisation).status == Status.APPROVED
    assert RegistrationSettings.objects.get(pk=meet.pk).seller_places == 6
    # The official's changes show on the cached event page once committed.
    assert tag_version(event_tag) > version
