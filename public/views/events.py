from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language

from events import stats as figures
from events.models import B2BMeeting, Event, EventOrganiser, EventRole, MoU, MoUParty, Session
from events.mou_selectors import mou_listing
from events.selectors import event_listing
from events.series_selectors import figure_labels, series_editions
from participants import registrations
from participants.models import RegistrationSettings
from public.json_ld import event_json_ld

from .listing import list_page

HOME_UPCOMING = 6


def home(request):
    published = Event.objects.published()
    upcoming = (
        published.upcoming()
        .for_listing()
        .order_by(F("start_date").asc(nulls_last=True), "pk")[:HOME_UPCOMING]
    )
    # Totals of the events held, from the statistics page's summaries; the
    # date of the latest change to any event apart, read from its index
    # rather than from every published event.
    held = figures.headline()
    totals = {"events": held.events}
    totals.update({name: getattr(held, name).value for name in figures.SUMMED_FIGURES})
    return render(
        request,
        "events/home.html",
        {
            "upcoming": upcoming,
            "totals": totals,
            "last_updated": figures.last_updated(),
        },
    )


def event_list(request):
    return list_page(
        request, event_listing(params=request.GET), "events/event_list.html", "events:list"
    )


def registration_panel(event, reg_settings):
    """Registration on the portal: its settings, whether it is open, and the places left."""
    return {
        "event": event,
        "settings": reg_settings,
        "open": registrations.is_open(reg_settings),
        "places_left": registrations.places_left(reg_settings),
    }


def places(request, slug):
    """The places left of an event taking registrations, and whether it is open.

    Not cached: it changes with every registration. The event's cached page
    shows it through a script (static/portal/js/places.js), which asks for
    the fragment alone; without scripts it is a page of its own.
    """
    reg_settings = get_object_or_404(
        RegistrationSettings.objects.select_related("event"),
        event__slug=slug,
        event__status=Event.Status.PUBLISHED,
    )
    context = registration_panel(reg_settings.event, reg_settings)
    if request.GET.get("fragment"):
        return render(request, "events/_registration_panel.html", context)
    return render(request, "events/places.html", context)


def event_detail(request, slug):
    roles = EventRole.objects.select_related("person", "organisation").order_by("order", "pk")
    event = get_object_or_404(
        Event.objects.published()
        .select_related("country", "region", "region__parent", "series", "registration_settings")
        .prefetch_related(
            "schemes",
            "sectors",
            "target_countries",
            Prefetch(
                "organiser_links",
                EventOrganiser.objects.select_related("organisation").order_by("order", "pk"),
            ),
            Prefetch(
                "sessions",
                Session.objects.prefetch_related(Prefetch("roles", roles)).order_by("order", "pk"),
            ),
            Prefetch("roles", roles.filter(session__isnull=True), to_attr="general_roles"),
            Prefetch(
                "agreements",
                MoU.objects.prefetch_related(
                    Prefetch("party_links", MoUParty.objects.select_related("organisation"))
                ),
            ),
        ),
        slug=slug,
    )
    today = timezone.localdate()
    deadline = event.registration_deadline or event.start_date
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "meetings": meeting_figures(event),
            # The editions of its series, this one among them, in one query.
            "editions": series_editions(event.series) if event.series_id else None,
            "figure_labels": figure_labels(),
            "takes_registrations": hasattr(event, "registration_settings"),
            "registration_closed": event.timing == "past"
            or event.schedule == Event.Schedule.CANCELLED
            or bool(deadline and deadline < today),
            "event_json_ld": event_json_ld(request, event),
            "last_updated": event.updated_at,
        },
    )


def meeting_figures(event):
    """B2B meeting figures computed from the meeting records, when there are any."""
    figures = B2BMeeting.objects.filter(event=event).aggregate(
        booked=Count("pk", filter=~Q(status=B2BMeeting.Status.CANCELLED)),
        held=Count("pk", filter=Q(status=B2BMeeting.Status.HELD)),
        buyers=Count("buyer", distinct=True),
        sellers=Count("seller", distinct=True),
        buyer_countries=Count("buyer__country", distinct=True),
        orders=Count(
            "pk",
            filter=Q(outcome__in=[B2BMeeting.Outcome.ORDER, B2BMeeting.Outcome.SAMPLE_ORDER]),
        ),
        mous=Count("pk", filter=Q(outcome=B2BMeeting.Outcome.MOU)),
    )
    return figures if figures["booked"] else None


def mou_list(request):
    return list_page(
        request, mou_listing(params=request.GET), "events/mou_list.html", "events:mous"
    )


def stats(request):
    """Totals and charts of the published events held so far (events.stats, public.charts)."""
    from django.utils.translation import get_language_bidi
    from django.utils.translation import gettext as _

    from events import stats as figures
    from portal import l10n
    from portal.templatetags.localise import figure
    from public.charts import Value, bar_chart, quarters_label, year_label

    lang, rtl = get_language(), get_language_bidi()

    def count(n):
        return Value(n, l10n.number(n, lang))

    def reported(total):
        if total.value is None:
            return Value(None, _("not reported"))
        return Value(total.value, figure(total.value, total.qualifier))

    def chart(chart_id, title, label_header, series, rows):
        return bar_chart(
            id=chart_id,
            title=title,
            label_header=label_header,
            series=series,
            rows=rows,
            lang=lang,
            rtl=rtl,
        )

    years = figures.outcomes_per_year()
    by_state = figures.events_by_state(lang=lang, no_state_label=_("State not given"))
    buyers = figures.buyers_by_country(lang=lang)
    meeting_series = [_("Reported")]
    if any(year.meetings_recorded is not None for year in years):
        meeting_series.append(_("Recorded as held"))
    mou_series = [_("Reported")]
    if any(year.mous_recorded for year in years):
        mou_series.append(_("Recorded"))
    no_records = Value(None, _("no records"))
    charts = {
        "quarters": chart(
            "chart-quarters",
            _("Events held per quarter"),
            _("Quarter"),
            [_("Events")],
            [
                (quarters_label(q.year, q.quarter, lang), [count(q.count)])
                for q in figures.events_per_quarter()
            ],
        ),
        "kinds": chart(
            "chart-kinds",
            _("Events held by kind"),
            _("Kind of event"),
            [_("Events")],
            [(t.label, [count(t.count)]) for t in figures.events_by_kind()],
        ),
        "states": chart(
            "chart-states",
            _("Events held by state or province"),
            _("State / province"),
            [_("Events")],
            [(t.label, [count(t.count)], t.lang) for t in by_state],
        ),
        "meetings": chart(
            "chart-meetings",
            _("B2B meetings per year"),
            _("Year"),
            meeting_series,
            [
                (
                    year_label(y.year, lang),
                    [
                        reported(y.b2b_meetings),
                        count(y.meetings_held) if y.meetings_recorded is not None else no_records,
                    ][: len(meeting_series)],
                )
                for y in years
            ],
        ),
        "mous": chart(
            "chart-mous",
            _("MoUs per year"),
            _("Year"),
            mou_series,
            [
                (
                    year_label(y.year, lang),
                    [
                        reported(y.mous),
                        count(y.mous_recorded) if y.mous_recorded else no_records,
                    ][: len(mou_series)],
                )
                for y in years
            ],
        ),
        "buyers": chart(
            "chart-buyers",
            _("Foreign buyers by country"),
            _("Country"),
            [_("Buyers")],
            [(t.label, [count(t.count)], t.lang) for t in buyers],
        ),
    }
    headline = figures.headline()
    return render(
        request,
        "events/stats.html",
        {
            "headline": headline,
            "headline_figures": [
                (_("MSMEs taking part"), headline.msmes),
                (_("Foreign buyers"), headline.foreign_buyers),
                (_("B2B meetings"), headline.b2b_meetings),
                (_("MoUs signed"), headline.mous),
            ],
            "charts": charts,
            "last_updated": figures.last_updated(),
        },
    )
