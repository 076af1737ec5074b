import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import B2BMeeting, Event, EventRole, MoU, Session
from orgs.models import Organisation
from tests.admin_forms import change_form, event_form, form_errors, inline_rows, mou_form
from tests.factories import (
    B2BMeetingFactory,
    DistrictFactory,
    EventFactory,
    EventOrganiserFactory,
    EventRoleFactory,
    EventSeriesFactory,
    MoUFactory,
    OrganisationFactory,
    PersonFactory,
    SchemeFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

EVENT_ADD = reverse("admin:events_event_add")
EVENT_LIST = reverse("admin:events_event_changelist")


def test_an_official_records_a_whole_event_in_marathi(admin_client):
    admin_client.cookies["django_language"] = "mr"
    mssidc, forum = OrganisationFactory(), OrganisationFactory()
    pansare, kumar, jeena = PersonFactory(), PersonFactory(), PersonFactory()
    pune = DistrictFactory()
    ramp = SchemeFactory()

    response = admin_client.post(
        EVENT_ADD,
        event_form(
            title_mr="तृतीय आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद",
            venue_mr="फोर पॉइंट्स बाय शेरेटन, विमाननगर",
            city_mr="पुणे",
            region=pune.pk,
            schemes=[ramp.pk],
            start_date="2026-12-10",
            end_date="2026-12-11",
            foreign_buyers=41,
            b2b_meetings=500,
            b2b_meetings_qualifier="at_least",
            **inline_rows(
                "organiser_links",
                [
                    {"organisation": mssidc.pk, "role": "organiser", "order": 0},
                    {"organisation": forum.pk, "role": "co_organiser", "order": 1},
                ],
            ),
            **inline_rows(
                "sessions", [{"kind": "valedictory", "title_mr": "समारोप सत्र", "order": 0}]
            ),
            **inline_rows(
                "roles",
                [
                    {"person": pansare.pk, "role": "inaugurated", "order": 0},
                    {"person": kumar.pk, "role": "attended", "order": 1},
                    {"person": jeena.pk, "role": "chief_guest", "topic_mr": "नवकल्पना", "order": 2},
                ],
            ),
            **inline_rows(
                "agreements",
                [{"title_mr": "निर्यात प्रोत्साहनासाठी सामंजस्य करार", "status": "signed"}],
            ),
        ),
    )

    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert event.title_mr == "तृतीय आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद"
    assert event.slug.isascii()
    assert [link.organisation for link in event.organiser_links.all()] == [mssidc, forum]
    assert event.sessions.get().title_mr == "समारोप सत्र"
    assert event.roles.count() == 3
    # The post each person held at the event is kept with the role.
    assert event.roles.get(person=jeena).designation_en == "Deputy Director, RAMP division"
    assert event.agreements.get().title_mr == "निर्यात प्रोत्साहनासाठी सामंजस्य करार"
    assert event.b2b_meetings_qualifier == "at_least"

    # Once saved, a role can be tied to the event's session.
    change = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    session_choices = (
        change.context["inline_admin_formsets"][2].formset.forms[0].fields["session"].queryset
    )
    assert list(session_choices) == [event.sessions.get()]


def test_an_end_date_before_the_start_is_shown_on_its_field_and_nothing_is_written(admin_client):
    response = admin_client.post(
        EVENT_ADD,
        event_form(title_en="IGNITE-2026", start_date="2026-02-03", end_date="2026-02-02"),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date cannot be before the start date."
    ]
    assert Event.objects.count() == 0


def test_an_event_needs_its_title_in_english_or_the_officials_language(admin_client):
    admin_client.cookies["django_language"] = "hi"
    response = admin_client.post(EVENT_ADD, event_form(title_fa="همایش صادراتی"))
    assert response.status_code == 200
    assert "title_hi" in response.context["adminform"].form.errors
    assert Event.objects.count() == 0


def test_persian_inputs_are_right_to_left(admin_client):
    html = admin_client.get(EVENT_ADD).content.decode()
    assert 'name="title_fa"' in html
    title_fa = html[html.index('name="title_fa"') - 200 : html.index('name="title_fa"') + 200]
    assert 'dir="rtl"' in title_fa and 'lang="fa"' in title_fa
    title_mr = html[html.index('name="title_mr"') - 200 : html.index('name="title_mr"') + 200]
    assert 'dir="ltr"' in title_mr and 'lang="mr"' in title_mr


def test_publish_and_unpublish_actions(admin_client):
    drafts = EventFactory.create_batch(2, status=Event.Status.DRAFT)
    ids = [e.pk for e in drafts]
    admin_client.post(EVENT_LIST, {"action": "publish", "_selected_action": ids})
    assert Event.objects.published().count() == 2
    admin_client.post(EVENT_LIST, {"action": "unpublish", "_selected_action": ids[:1]})
    assert list(Event.objects.published()) == drafts[1:]


def test_save_as_new_copies_last_years_event_with_its_own_slug(admin_client):
    last_year = EventFactory(title_en="2nd International Buyer-Seller Meet")
    url = reverse("admin:events_event_change", args=[last_year.pk])
    response = admin_client.post(
        url,
        event_form(
            _saveasnew="1",
            title_en="3rd International Buyer-Seller Meet",
            slug=last_year.slug,
            start_date="2026-11-06",
        ),
    )
    assert response.status_code == 302
    copy = Event.objects.exclude(pk=last_year.pk).get()
    assert copy.slug != last_year.slug
    assert copy.title_en == "3rd International Buyer-Seller Meet"


def test_save_as_new_makes_the_copy_the_series_next_edition(admin_client):
    series = EventSeriesFactory()
    EventFactory(series=series, edition=1)
    last_year = EventFactory(title_en="2nd Buyer-Seller Meet", series=series, edition=2)
    EventOrganiserFactory(event=last_year)
    url = reverse("admin:events_event_change", args=[last_year.pk])
    data = change_form(admin_client, url)
    data.update(_saveasnew="1", title_en="3rd Buyer-Seller Meet")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    copy = Event.objects.get(title_en="3rd Buyer-Seller Meet")
    assert (copy.series, copy.edition) == (series, 3)
    assert Event.objects.get(pk=last_year.pk).edition == 2


@pytest.mark.parametrize("given", ["series", "edition"])
def test_a_series_without_its_edition_or_the_reverse_is_refused_in_marathi(admin_client, given):
    admin_client.cookies["django_language"] = "mr"
    series = EventSeriesFactory()
    missing = {"series": "edition", "edition": "series"}[given]
    response = admin_client.post(
        EVENT_ADD,
        event_form(
            title_mr="तृतीय आंतरराष्ट्रीय खरेदीदार-विक्रेता परिषद",
            **{given: {"series": series.pk, "edition": "3"}[given]},
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[missing] == [
        "मालिका आणि आवृत्ती दोन्ही द्या, किंवा एकही नाही."
    ]
    assert "मालिका आणि आवृत्ती दोन्ही द्या" in response.content.decode()
    assert Event.objects.count() == 0


def test_event_list_queries_do_not_grow_with_the_number_of_events(admin_client):
    def queries_for_list():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(EVENT_LIST).status_code == 200
        return len(ctx)

    def add_events(n):
        for _ in range(n):
            EventFactory(region=DistrictFactory()).schemes.add(SchemeFactory())

    add_events(5)
    with_5 = queries_for_list()
    add_events(45)
    assert queries_for_list() == with_5


@pytest.mark.parametrize(
    ("url_name", "factory"),
    [
        ("admin:events_b2bmeeting_changelist", B2BMeetingFactory),
        ("admin:orgs_organisation_changelist", OrganisationFactory),
        ("admin:orgs_person_changelist", PersonFactory),
    ],
)
def test_other_lists_queries_do_not_grow_either(admin_client, url_name, factory):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(reverse(url_name)).status_code == 200
        return len(ctx)

    factory.create_batch(5)
    with_5 = count()
    factory.create_batch(45)
    assert count() == with_5


def test_a_double_booking_is_shown_on_the_seller_field(admin_client):
    booked = B2BMeetingFactory()
    buyer = OrganisationFactory(kind=Organisation.Kind.FOREIGN_BUYER)
    local = booked.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=5, minutes=30)))
    response = admin_client.post(
        reverse("admin:events_b2bmeeting_add"),
        {
            "event": booked.event.pk,
            "buyer": buyer.pk,
            "seller": booked.seller.pk,
            "starts_at_0": local.date().isoformat(),
            "starts_at_1": local.time().isoformat(),
            "status": "confirmed",
            "outcome": "none",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["seller"] == [
        "This seller already has a meeting at this time."
    ]
    assert B2BMeeting.objects.count() == 1


def test_a_role_can_only_be_tied_to_a_session_of_its_event(admin_client):
    role = EventRole(event=EventFactory(), person=PersonFactory(), role="speaker")
    role.session = Session.objects.create(event=EventFactory(), kind="technical")
    with pytest.raises(Exception) as excinfo:
        role.full_clean()
    assert "Choose a session of this event." in str(excinfo.value)
    assert MoU.objects.count() == 0


def test_an_mou_needs_two_parties(admin_client):
    add = reverse("admin:events_mou_add")
    wtc, aiai = OrganisationFactory(), OrganisationFactory()
    response = admin_client.post(add, mou_form([wtc]))
    assert response.status_code == 200
    assert "An MoU has at least two parties." in response.content.decode()
    assert MoU.objects.count() == 0

    response = admin_client.post(add, mou_form([wtc, aiai], value="250000", currency="inr"))
    assert response.status_code == 302, form_errors(response)
    mou = MoU.objects.get()
    assert set(mou.parties.all()) == {wtc, aiai}
    assert mou.currency == "INR"


def test_figures_and_dates_typed_in_devanagari_digits_are_read(admin_client):
    admin_client.cookies["django_language"] = "mr"
    response = admin_client.post(
        EVENT_ADD,
        event_form(
            title_mr="जिल्हा निर्यात कार्यशाळा",
            start_date="२०२६-१२-१०",
            foreign_buyers="४१",
            participants="۱۸۰",
        ),
    )
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert (event.start_date, event.foreign_buyers, event.participants) == (
        datetime.date(2026, 12, 10),
        41,
        180,
    )
    assert event.title_mr == "जिल्हा निर्यात कार्यशाळा"


@pytest.mark.parametrize("lang", ["en", "hi", "mr"])
def test_a_solar_hijri_year_is_not_taken_for_a_gregorian_one(admin_client, lang):
    # Persian pages read it as the Solar Hijri date it is (test_solar_hijri_dates);
    # the other languages' dates are Gregorian, and a Persian year typed by habit
    # there is refused rather than stored as a Gregorian one.
    admin_client.cookies["django_language"] = lang
    response = admin_client.post(
        EVENT_ADD, event_form(title_fa="همایش صادراتی اراک", start_date="۱۴۰۴-۰۸-۱۵")
    )
    assert response.status_code == 200
    [message] = response.context["adminform"].form.errors["start_date"]
    assert "1404" in message
    assert Event.objects.count() == 0


def test_a_search_finds_an_event_however_its_words_were_typed(admin_client):
    conference = EventFactory(
        title_en="Investment opportunities conference", title_fa="همایش فرصت‌های سرمایه‌گذاری"
    )
    workshop = EventFactory(
        title_en="District export workshop", title_mr="जिल्हा निर्यात कार्यशाळा २०२५"
    )

    def found(term):
        return set(admin_client.get(EVENT_LIST, {"q": term}).context["cl"].result_list)

    assert found("فرصتهای سرمایهگذاری") == {conference}  # typed without the joiners
    assert found("همايش") == {conference}  # with the Arabic yeh
    assert found("कार्यशाळा 2025") == {workshop}  # the year in other digits
    assert found("WORKSHOP") == {workshop}


def test_a_search_finds_an_organisation_by_its_persian_name_typed_with_arabic_letters(
    admin_client,
):
    chamber = OrganisationFactory(name_en="Iran Chamber of Commerce", name_fa="اتاق بازرگانی ایران")
    OrganisationFactory(name_en="Pune exporters' association")
    response = admin_client.get(reverse("admin:orgs_organisation_changelist"), {"q": "ايران"})
    assert list(response.context["cl"].result_list) == [chamber]


def test_save_as_new_gives_the_copy_its_own_sessions_and_leaves_the_mous(admin_client):
    """The copy's roles name the copy's sessions, not the original's (issue 15, point 12),
    and the MoUs signed at the original stay with it."""
    last_year = EventFactory(title_en="2nd International Buyer-Seller Meet")
    EventOrganiserFactory(event=last_year)
    inaugural = SessionFactory(event=last_year, kind=Session.Kind.INAUGURAL, title_en="Inaugural")
    role = EventRoleFactory(event=last_year, session=inaugural)
    mou = MoUFactory(event=last_year)
    url = reverse("admin:events_event_change", args=[last_year.pk])
    data = change_form(admin_client, url)
    data.update(_saveasnew="1", title_en="3rd International Buyer-Seller Meet")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    copy = Event.objects.exclude(pk=last_year.pk).get()
    (copied_session,) = copy.sessions.all()
    assert copied_session.pk != inaugural.pk and copied_session.title_en == "Inaugural"
    (copied_role,) = copy.roles.all()
    assert copied_role.session == copied_session
    # Deleting last year's session takes only last year's role with it.
    inaugural.delete()
    assert EventRole.objects.filter(pk=copied_role.pk).exists()
    assert not EventRole.objects.filter(pk=role.pk).exists()
    assert list(copy.agreements.all()) == [] and list(last_year.agreements.all()) == [mou]
