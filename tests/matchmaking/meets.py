"""Firms at a meet, and a meeting scheduled between two of them."""

import datetime

from matchmaking import requests as rules
from matchmaking import tasks
from matchmaking.models import SchedulerRun
from orgs.models import Organisation
from participants import registrations
from tests import factories
from tests.participants.helpers import member


def firm_at(meet, name, kind, lang="en", hs=(), **fields):
    organisation = factories.OrganisationFactory(
        name_en=name,
        name_mr="",
        kind=Organisation.Kind.FOREIGN_BUYER if kind == "buyer" else Organisation.Kind.MSME,
        **fields,
    )
    organisation.hs_codes.set(hs)
    user = member(f"{name.lower().replace(' ', '.')}@example.in", organisation, lang)
    return user, registrations.register(user, meet, organisation, kind)


def scheduled(meet):
    """A buyer from Iran and a Marathi seller with their meeting placed by the scheduler."""
    buyer, buyer_registration = firm_at(meet, "Tabriz Trading", "buyer", "fa")
    seller, seller_registration = firm_at(meet, "Nashik Tools", "seller", "mr")
    settings = meet.matchmaking_settings
    settings.day_starts, settings.day_ends = datetime.time(10), datetime.time(11)
    settings.save()
    asked = rules.request_meeting(buyer, meet, seller_registration)
    rules.answer(seller, asked, accept=True)
    tasks.run_scheduler.delay(SchedulerRun.objects.create(event=meet, time_limit=5).pk)
    return buyer, buyer_registration
