import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from events.models import B2BMeeting, Event
from orgs.models import Organisation
from tests.factories import B2BMeetingFactory, EventFactory, OrganisationFactory, country

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def messages_of(excinfo, field):
    return excinfo.value.message_dict[field]


class TestEventDates:
    def test_end_before_start_is_refused_on_the_end_date_field(self):
        event = EventFactory.build(
            start_date=datetime.date(2025, 11, 7), end_date=datetime.date(2025, 11, 6)
        )
        with pytest.raises(ValidationError) as excinfo:
            event.full_clean()
        assert messages_of(excinfo, "end_date") == ["The end date cannot be before the start date."]

    def test_the_database_refuses_end_before_start_and_writes_nothing(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            EventFactory(start_date=datetime.date(2025, 11, 7), end_date=datetime.date(2025, 11, 6))
        assert Event.objects.count() == 0

    def test_an_end_date_needs_a_start_date(self):
        event = EventFactory.build(start_date=None, end_date=datetime.date(2025, 11, 6))
        with pytest.raises(ValidationError) as excinfo:
            event.full_clean()
        assert "start_date" in excinfo.value.message_dict

    def test_dates_to_be_announced_are_allowed(self):
        event = EventFactory(start_date=None, end_date=None)
        event.full_clean()
        assert event.timing == "tba"
        assert "dates to be announced" in str(event)

    def test_a_title_in_persian_only_is_enough(self):
        event = EventFactory.build(
            title_en="", title_mr="", title_fa="همایش فرصت‌های سرمایه‌گذاری", country=country("IR")
        )
        event.full_clean()
        event.save()
        assert Event.objects.get().title_fa == "همایش فرصت‌های سرمایه‌گذاری"

    def test_a_title_in_no_language_is_refused(self):
        event = EventFactory.build(title_en="", title_mr="")
        with pytest.raises(ValidationError) as excinfo:
            event.full_clean()
        assert excinfo.value.message_dict["title_en"] == ["Write this in at least one language."]


class TestTiming:
    def test_upcoming_ongoing_and_past_follow_today(self):
        day = datetime.timedelta(days=1)
        past = EventFactory(start_date=TODAY() - 3 * day, end_date=TODAY() - day)
        ongoing = EventFactory(start_date=TODAY() - day, end_date=TODAY() + day)
        upcoming = EventFactory(start_date=TODAY() + day, end_date=None)
        tba = EventFactory(start_date=None, end_date=None)
        draft = EventFactory(status=Event.Status.DRAFT)

        published = Event.objects.published()
        assert set(published.upcoming()) == {ongoing, upcoming, tba}
        assert set(published.ongoing()) == {ongoing}
        assert set(published.past()) == {past}
        assert draft not in published
        assert [e.timing for e in (past, ongoing, upcoming, tba)] == [
            "past",
            "ongoing",
            "upcoming",
            "tba",
        ]


class TestSlugs:
    def test_slugs_are_ascii_and_unique(self):
        first = EventFactory(title_en="", title_mr="द्वितीय खरेदीदार-विक्रेता परिषद")
        second = EventFactory(title_en="", title_mr="द्वितीय खरेदीदार-विक्रेता परिषद")
        assert first.slug.isascii() and first.slug
        assert second.slug == f"{first.slug}-2"


class TestMeetings:
    def test_buyer_and_seller_must_differ(self):
        # An MSME may buy and sell at a meet, but not from itself.
        firm = OrganisationFactory(kind=Organisation.Kind.MSME)
        meeting = B2BMeetingFactory.build(buyer=firm, seller=firm, event=EventFactory())
        with pytest.raises(ValidationError) as excinfo:
            meeting.full_clean()
        assert messages_of(excinfo, "seller") == ["The buyer and the seller must be different."]

    def test_the_database_refuses_a_firm_meeting_itself(self):
        firm = OrganisationFactory()
        with pytest.raises(IntegrityError), transaction.atomic():
            B2BMeetingFactory(buyer=firm, seller=firm)
        assert B2BMeeting.objects.count() == 0

    @pytest.mark.parametrize("side", ["buyer", "seller"])
    def test_nobody_is_booked_twice_at_the_same_time(self, side):
        first = B2BMeetingFactory()
        double = B2BMeetingFactory.build(
            event=first.event, starts_at=first.starts_at, **{side: getattr(first, side)}
        )
        double.buyer.save() if side == "seller" else double.seller.save()
        with pytest.raises(ValidationError) as excinfo:
            double.full_clean()
        assert messages_of(excinfo, side) == [f"This {side} already has a meeting at this time."]
        if connection.vendor == "postgresql":  # the exclusion constraints; SQLite has the check
            with pytest.raises(IntegrityError), transaction.atomic():
                double.save()
            assert B2BMeeting.objects.count() == 1

    def test_a_cancelled_meeting_frees_its_slot(self):
        first = B2BMeetingFactory(status=B2BMeeting.Status.CANCELLED)
        rebooked = B2BMeetingFactory.build(
            event=first.event, starts_at=first.starts_at, buyer=first.buyer, seller=first.seller
        )
        rebooked.full_clean()
        rebooked.save()
        assert B2BMeeting.objects.count() == 2

    def test_a_value_needs_its_currency(self):
        meeting = B2BMeetingFactory.build(event=EventFactory(), value=25000, currency="")
        meeting.buyer.save()
        meeting.seller.save()
        with pytest.raises(ValidationError) as excinfo:
            meeting.full_clean()
        assert messages_of(excinfo, "currency") == ["Give the currency of the value."]

    def test_currency_is_checked_against_iso_4217(self):
        meeting = B2BMeetingFactory.build(event=EventFactory(), value=25000, currency="rupees")
        meeting.buyer.save()
        meeting.seller.save()
        with pytest.raises(ValidationError) as excinfo:
            meeting.full_clean()
        assert "ISO 4217" in messages_of(excinfo, "currency")[0]
