"""Factories for the portal's records, with real names from the seed reports."""

import datetime

import factory
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from access.models import Membership
from events.models import (
    B2BMeeting,
    Event,
    EventOrganiser,
    EventRole,
    EventSeries,
    MoU,
    MoUParty,
    Scheme,
    Session,
)
from orgs.models import Country, Organisation, Person, Region, Sector
from participants.models import RegistrationSettings
from portal.models import Feedback


def country(code):
    """Countries come from the migration (CLDR); factories look them up."""
    return Country.objects.get(code=code)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    country = factory.LazyFunction(lambda: country("IN"))
    kind = Region.Kind.STATE
    name_en = "Maharashtra"
    name_mr = "महाराष्ट्र"
    slug = "maharashtra"


class DistrictFactory(RegionFactory):
    kind = Region.Kind.DISTRICT
    parent = factory.SubFactory(RegionFactory)
    name_en = "Pune"
    name_mr = "पुणे"
    slug = "pune"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    name_en = factory.Sequence(lambda n: f"Leather products {n}")
    name_mr = "लेदर उत्पादने"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Maharashtra Small Scale Industries Corp. {n}")
    name_mr = "महाराष्ट्र लघु उद्योग विकास महामंडळ"
    kind = Organisation.Kind.STATE_CORPORATION
    country = factory.LazyFunction(lambda: country("IN"))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific = Person.Honorific.SHRI
    name_en = factory.Sequence(lambda n: f"Narendra Jeena {n}")
    name_mr = "नरेंद्र जीना"
    designation_en = "Deputy Director, RAMP division"


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    name_en = factory.Sequence(lambda n: f"Raising and Accelerating MSME Performance {n}")
    acronym = "RAMP"


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    name_en = factory.Sequence(lambda n: f"International Buyer-Seller Meet, Pune {n}")
    name_mr = "आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद, पुणे"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_en = factory.Sequence(lambda n: f"International Buyer-Seller Meet {n}")
    title_mr = "आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद"
    kind = Event.Kind.BUYER_SELLER_MEET
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(
        lambda o: o.start_date and o.start_date + datetime.timedelta(1)
    )
    country = factory.LazyFunction(lambda: country("IN"))
    status = Event.Status.PUBLISHED


class RegistrationSettingsFactory(factory.django.DjangoModelFactory):
    """A meet open for registration for another two weeks, with a few places of each kind."""

    class Meta:
        model = RegistrationSettings

    event = factory.SubFactory(EventFactory)
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    seller_places = 2
    buyer_places = 2
    visitor_places = 0


class EventOrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOrganiser

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = Session.Kind.VALEDICTORY


class EventRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventRole

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = EventRole.Role.CHIEF_GUEST


class MoUFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MoU

    title_en = factory.Sequence(lambda n: f"MoU for ODOP branding and promotion {n}")
    title_mr = "ओडीओपी ब्रँडिंग व प्रमोशनसाठी सामंजस्य करार"


class B2BMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = B2BMeeting

    event = factory.SubFactory(EventFactory)
    buyer = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.FOREIGN_BUYER)
    seller = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.MSME)
    # At ten on the event's first day, in the portal's time zone: a time taken
    # from the clock fell on the day before the event's late in the UTC evening.
    starts_at = factory.LazyAttribute(
        lambda meeting: timezone.make_aware(
            datetime.datetime.combine(
                meeting.event.start_date or timezone.localdate() + datetime.timedelta(days=30),
                datetime.time(10),
            )
        )
    )


class ListedEventFactory(EventFactory):
    """An event with all a public list shows: district, scheme, sector, target market, organiser.

    For query-count tests: every relation a feed or the API prints is there.
    """

    class Meta:
        skip_postgeneration_save = True

    region = factory.SubFactory(DistrictFactory)

    @factory.post_generation
    def relations(self, create, extracted, **kwargs):
        if not create:
            return
        self.schemes.add(SchemeFactory())
        self.sectors.add(SectorFactory())
        self.target_countries.add(country("IQ"))
        EventOrganiserFactory(event=self, role=EventOrganiser.Role.CO_ORGANISER)


class MoUPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MoUParty

    mou = factory.SubFactory(MoUFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    name = "Sachin Shinde"
    email = "sachin@example.org"
    message = "The dates of the Pune meet are shown as 6–7 November; the report says so too."
    page = "/en/events/international-buyer-seller-meet-pune-2025/"
    language = "en"


def staff_with(*codenames, organisations=(), username="clerk"):
    """A back-office user with these permissions, working for these organisations."""
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    Membership.objects.bulk_create(Membership(user=user, organisation=o) for o in organisations)
    return user


# Held events, foreign buyers and their meetings, as the statistics count them.


def held(**fields):
    """A published event that took place (a one-day event a year ago unless told)."""
    fields.setdefault("start_date", timezone.localdate() - datetime.timedelta(days=365))
    fields.setdefault("end_date", None)
    return EventFactory(**fields)


def buyer(code, **fields):
    return OrganisationFactory(
        kind=Organisation.Kind.FOREIGN_BUYER, country=country(code), **fields
    )


def meeting(event, buyer_org, *, minutes=0, **fields):
    return B2BMeetingFactory(
        event=event,
        buyer=buyer_org,
        starts_at=timezone.make_aware(datetime.datetime(2025, 11, 6, 10))
        + datetime.timedelta(minutes=minutes),
        **{"status": B2BMeeting.Status.HELD, **fields},
    )
