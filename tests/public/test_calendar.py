import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from public import calendar
from tests.factories import EventFactory, ListedEventFactory, SchemeFactory

pytestmark = pytest.mark.django_db

FEED = "/{}/events/calendar.ics"
IN_A_MONTH = timezone.localdate() + datetime.timedelta(days=30)


def entries(response):
    """The feed's VEVENTs by summary."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(response.content)
    return {str(vevent["SUMMARY"]): vevent for vevent in parsed.walk("VEVENT")}


def feed(client, lang="en", **params):
    return entries(client.get(FEED.format(lang), params))


def test_a_two_day_meet_is_an_all_day_entry_ending_the_day_after(client):
    EventFactory(
        title_en="Buyer-Seller Meet, Pune",
        start_date=IN_A_MONTH,
        end_date=IN_A_MONTH + datetime.timedelta(days=1),
    )
    vevent = feed(client)["Buyer-Seller Meet, Pune"]
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTSTART"].dt == IN_A_MONTH
    # DTEND is exclusive: a meet on the 6th and 7th ends on the 8th.
    assert vevent["DTEND"].dt == IN_A_MONTH + datetime.timedelta(days=2)
    assert not isinstance(vevent["DTEND"].dt, datetime.datetime)


def test_a_one_day_workshop_ends_the_next_day(client):
    EventFactory(title_en="IGNITE-2026", start_date=IN_A_MONTH, end_date=None)
    vevent = feed(client)["IGNITE-2026"]
    assert vevent["DTEND"].dt == IN_A_MONTH + datetime.timedelta(days=1)


def test_drafts_and_events_without_dates_are_left_out(client):
    EventFactory(title_en="Published meet")
    EventFactory(title_en="Draft meet", status=Event.Status.DRAFT)
    EventFactory(title_en="Arak conference", start_date=None, end_date=None)
    assert set(feed(client, when="all")) == {"Published meet"}


def test_kind_and_schemes_are_categories(client):
    event = EventFactory(title_en="Pune meet")
    event.schemes.add(SchemeFactory(acronym="RAMP"))
    categories = feed(client)["Pune meet"]["CATEGORIES"]
    assert [str(category) for category in categories.cats] == ["Buyer-seller meet", "RAMP"]


def test_the_uid_does_not_change_when_the_title_does(client):
    event = EventFactory(title_en="Buyer-Seller Meet")
    uid = feed(client)["Buyer-Seller Meet"]["UID"]
    event.title_en = "2nd International Buyer-Seller Meet"
    event.save()
    assert feed(client)["2nd International Buyer-Seller Meet"]["UID"] == uid
    assert uid == f"event-{event.pk}@testserver"


def test_the_list_filters_apply(client):
    EventFactory(title_en="IGNITE-2026", kind=Event.Kind.WORKSHOP)
    EventFactory(title_en="Pune meet", kind=Event.Kind.BUYER_SELLER_MEET)
    ramp = SchemeFactory(acronym="RAMP")
    EventFactory(title_en="RAMP meet").schemes.add(ramp)
    assert set(feed(client, kind="workshop")) == {"IGNITE-2026"}
    assert set(feed(client, scheme=ramp.slug)) == {"RAMP meet"}


def test_past_events_only_when_asked_for_as_on_the_list(client):
    EventFactory(title_en="Pune 2025", start_date=IN_A_MONTH - datetime.timedelta(days=400))
    EventFactory(title_en="Next meet")
    assert set(feed(client)) == {"Next meet"}
    assert set(feed(client, when="all")) == {"Pune 2025", "Next meet"}


def test_text_is_in_the_page_language_with_a_link_to_its_page(client):
    event = EventFactory(
        title_en="Buyer-Seller Meet",
        title_mr="खरेदीदार-विक्रेता परिषद",
        venue_en="Four Points by Sheraton",
        venue_mr="फोर पॉइंट्स बाय शेरेटन",
        description_mr="३०० हून अधिक उद्योग",
    )
    vevent = feed(client, "mr")["खरेदीदार-विक्रेता परिषद"]
    url = f"http://testserver/mr/events/{event.slug}/"
    assert vevent["URL"] == url
    assert vevent["DESCRIPTION"] == f"३०० हून अधिक उद्योग\n\n{url}"
    assert vevent["LOCATION"] == "फोर पॉइंट्स बाय शेरेटन, भारत"
    # Hindi is missing: the English text stands in.
    assert "Buyer-Seller Meet" in feed(client, "hi")


def test_dtstamp_is_when_the_event_was_last_updated(client):
    event = EventFactory(title_en="Pune meet")
    vevent = feed(client)["Pune meet"]
    assert vevent["DTSTAMP"].dt == event.updated_at.replace(microsecond=0)


def test_the_feed_has_a_cap(client, monkeypatch):
    monkeypatch.setattr(calendar, "FEED_LIMIT", 2)
    EventFactory.create_batch(3)
    assert len(feed(client)) == 2


def test_the_feed_costs_the_same_queries_for_5_and_50_events(client):
    counts = []
    for batch in (5, 45):
        ListedEventFactory.create_batch(batch)
        with CaptureQueriesContext(connection) as queries:
            assert len(feed(client)) == len(counts) * 45 + 5
        counts.append(len(queries))
    assert counts[0] == counts[1]


class TestEventFile:
    def url(self, event, lang="en"):
        return f"/{lang}/events/{event.slug}/event.ics"

    def test_is_a_download_named_after_the_event(self, client):
        event = EventFactory(title_en="Pune meet")
        response = client.get(self.url(event))
        assert response["Content-Disposition"] == f"attachment; filename={event.slug}.ics"
        assert list(entries(response)) == ["Pune meet"]

    def test_reads_like_the_feed(self, client):
        event = EventFactory(title_en="Pune meet")
        in_file = entries(client.get(self.url(event)))["Pune meet"]
        in_feed = feed(client)["Pune meet"]
        assert in_file.to_ical() == in_feed.to_ical()

    def test_of_a_draft_is_not_found(self, client):
        event = EventFactory(status=Event.Status.DRAFT)
        assert client.get(self.url(event)).status_code == 404

    def test_of_an_event_without_dates_is_not_found(self, client):
        event = EventFactory(start_date=None, end_date=None)
        assert client.get(self.url(event)).status_code == 404

    def test_is_linked_from_the_event_page(self, client):
        event = EventFactory()
        html = client.get(f"/en/events/{event.slug}/").content.decode()
        assert f'href="{self.url(event)}"' in html


def test_an_entry_reads_exactly_so(client):
    """Every property of an entry, as a calendar app receives it: escaped,
    folded at 75 octets, in the order icalendar writes them."""
    event = EventFactory(
        title_en="Buyer-Seller Meet; Pune, 2099",
        kind=Event.Kind.WORKSHOP,
        start_date=datetime.date(2099, 3, 5),
        end_date=datetime.date(2099, 3, 6),
        venue_en="Four Points",
        city_en="Pune",
        description_en=(
            "<p>Over <b>300</b> MSMEs, buyers from 12 countries; one-to-one meetings.</p>"
        ),
    )
    event.schemes.add(SchemeFactory(acronym="RAMP"))
    updated = datetime.datetime(2099, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    Event.objects.filter(pk=event.pk).update(updated_at=updated)
    url = f"http://testserver/en/events/{event.slug}/"
    expected = "\r\n".join(
        [
            "BEGIN:VEVENT",
            "SUMMARY:Buyer-Seller Meet\\; Pune\\, 2099",
            "DTSTART;VALUE=DATE:20990305",
            "DTEND;VALUE=DATE:20990307",
            "DTSTAMP:20990102T030405Z",
            f"UID:event-{event.pk}@testserver",
            "SEQUENCE:1",
            "CATEGORIES:Workshop,RAMP",
            "DESCRIPTION:Over 300 MSMEs\\, buyers from 12 countries\\; one-to-one meeting",
            f" s.\\n\\n{url}",
            "LAST-MODIFIED:20990102T030405Z",
            "LOCATION:Four Points\\, Pune\\, India",
            "STATUS:CONFIRMED",
            f"URL:{url}",
            "END:VEVENT",
            "",
        ]
    )
    assert expected.encode() in client.get(FEED.format("en")).content
    # The kind is named in the page's language.
    vevent = Calendar.from_ical(client.get(FEED.format("mr")).content).walk("VEVENT")[0]
    assert [str(category) for category in vevent["CATEGORIES"].cats] == ["कार्यशाळा", "RAMP"]


def test_entries_are_kept_between_requests_and_an_edited_event_written_anew(client, monkeypatch):
    pune = EventFactory(title_en="Pune meet")
    EventFactory(title_en="Surat meet")
    written = []
    write = calendar._vevent
    monkeypatch.setattr(
        calendar,
        "_vevent",
        lambda event, request: written.append(event.pk) or write(event, request),
    )
    assert set(feed(client)) == {"Pune meet", "Surat meet"}
    assert set(feed(client)) == {"Pune meet", "Surat meet"}
    assert sorted(written) == sorted(Event.objects.values_list("pk", flat=True))
    written.clear()
    pune.title_en = "Pune buyer-seller meet"
    pune.save()
    assert set(feed(client)) == {"Pune buyer-seller meet", "Surat meet"}
    assert written == [pune.pk]
    # Each language's entries are its own.
    written.clear()
    feed(client, lang="hi")
    assert len(written) == 2
