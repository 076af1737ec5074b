"""Meets for the load test's registration rush (scripts/loadtest.py), empty again.

Creates or resets MEETS published meets open for registration, with few places
so that the rush fills them; removes the accounts and firms an earlier rush
made (their addresses end in registration_rush.DOMAIN), and their registrations. Prints
each meet's slug, one a line, for the load test to register for.
"""

import datetime

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from devtools.registration_rush import DOMAIN
from events.models import Event
from orgs.models import Organisation
from participants.models import Registration, RegistrationSettings

MEETS = 4
SELLER_PLACES = 25
BUYER_PLACES = 10


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    @transaction.atomic
    def handle(self, *args, **options):
        users = User.objects.filter(email__endswith=f"@{DOMAIN}")
        firms = Organisation.objects.filter(firm_memberships__user__in=users)
        meets = Event.objects.filter(slug__startswith="loadtest-meet-")
        Registration.objects.filter(event__in=meets).delete()
        Registration.objects.filter(organisation__in=firms).delete()
        firms.delete()
        users.delete()
        today = timezone.localdate()
        for number in range(1, MEETS + 1):
            event, _created = Event.objects.update_or_create(
                slug=f"loadtest-meet-{number}",
                defaults={
                    "title_en": f"Load test buyer-seller meet {number}",
                    "kind": Event.Kind.BUYER_SELLER_MEET,
                    "status": Event.Status.PUBLISHED,
                    "start_date": today + datetime.timedelta(days=30),
                    "end_date": today + datetime.timedelta(days=31),
                    "country_id": "IN",
                },
            )
            RegistrationSettings.objects.update_or_create(
                event=event,
                defaults={
                    "closes_at": timezone.now() + datetime.timedelta(days=7),
                    "seller_places": SELLER_PLACES,
                    "buyer_places": BUYER_PLACES,
                    # Half the meets approve each registration, half approve at once.
                    "approval_required": number % 2 == 1,
                    "sellers_need_udyam": True,
                },
            )
            self.stdout.write(event.slug)
