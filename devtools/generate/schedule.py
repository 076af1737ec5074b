"""Events, with their schemes, sectors, markets, organisers, sessions and roles.

Every event is planned first (kind, place, dates, how many B2B meetings and
MoUs it will have), so that its reported figures and its length agree with
the meetings and MoUs written later (deals.py).
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import count
from math import ceil

from devtools.demo_data import IST
from devtools.generate import words
from devtools.generate.records import Slugs, apportion, fill, next_id, pick, search_text, translated
from events.models import Event, EventOrganiser, EventRole, Qualifier, Session

Kind = Event.Kind
KIND_WEIGHTS = {
    Kind.WORKSHOP: 25,
    Kind.BUYER_SELLER_MEET: 15,
    Kind.SEMINAR: 12,
    Kind.TRAINING: 12,
    Kind.REVIEW_MEETING: 10,
    Kind.CONFERENCE: 10,
    Kind.EXHIBITION: 8,
    Kind.TRADE_FAIR: 8,
}
# Longest run, in days, of each kind (a meet with many meetings may run longer).
DAYS = {Kind.CONFERENCE: 2, Kind.BUYER_SELLER_MEET: 2, Kind.EXHIBITION: 4, Kind.TRADE_FAIR: 4}
# Events where B2B meetings are held, and how much of them each kind gets.
MEETING_WEIGHTS = {
    Kind.BUYER_SELLER_MEET: 4,
    Kind.TRADE_FAIR: 1,
    Kind.EXHIBITION: 1,
    Kind.CONFERENCE: 0.5,
}
# Events where MoUs are signed.
MOU_KINDS = {Kind.BUYER_SELLER_MEET, Kind.CONFERENCE, Kind.TRADE_FAIR, Kind.EXHIBITION}
MOUS_AT_EVENTS = 0.8  # the other MoUs are signed elsewhere
# Roles by kind of event, relative: a conference has more speakers than a training.
ROLE_WEIGHTS = {
    Kind.CONFERENCE: 8,
    Kind.BUYER_SELLER_MEET: 6,
    Kind.REVIEW_MEETING: 6,
    Kind.WORKSHOP: 4,
    Kind.SEMINAR: 4,
    Kind.TRAINING: 3,
    Kind.EXHIBITION: 3,
    Kind.TRADE_FAIR: 3,
}
DRAFT_ROLE_WEIGHT = 0.3  # a draft is not filled in yet
FORMAT_WEIGHTS = {Event.Format.IN_PERSON: 80, Event.Format.ONLINE: 10, Event.Format.HYBRID: 10}
# Most meets go ahead as announced; some are moved, called off or held online.
SCHEDULE_WEIGHTS = {
    Event.Schedule.SCHEDULED: 940,
    Event.Schedule.RESCHEDULED: 20,
    Event.Schedule.POSTPONED: 15,
    Event.Schedule.CANCELLED: 15,
    Event.Schedule.MOVED_ONLINE: 10,
}
# {how many: weight}
SCHEMES_PER_EVENT = {0: 40, 1: 50, 2: 10}  # Indian events only
SECTORS_PER_EVENT = {0: 40, 1: 45, 2: 15}
MARKETS_WITHOUT_MEETINGS = {0: 9, 1: 1}  # a meet with meetings aims at one to four
QUALIFIERS = {Qualifier.EXACT: 60, Qualifier.AT_LEAST: 25, Qualifier.ABOUT: 15}
YEARS_BACK = 9  # events span ten years: nine back, one ahead
PUBLISHED = 0.9
IRANIAN_EVERY = 30  # one event in thirty is held in Iran, however few there are
STATE_LEVEL = 0.15  # events of a whole state rather than a district
DATES_TO_BE_ANNOUNCED = 0.03  # of the upcoming ones
REPORTED = 0.7  # the share of past published events whose report gives figures
DESCRIBED = 0.4  # the share of events with a description
SLOTS_PER_DAY = 16  # B2B meeting slots of half an hour, from 10:00
FLAGSHIP_MEETINGS = 500  # the benchmark's event page shows a meet this size
FLAGSHIP_PLACE = "pune"
PROGRAMME_KINDS = {Kind.CONFERENCE, Kind.BUYER_SELLER_MEET, Kind.TRADE_FAIR, Kind.EXHIBITION}
PROGRAMMES = {True: 0.6, False: 0.2}  # the share with sessions, of PROGRAMME_KINDS or not
CO_ORGANISED = 0.6  # the share of events a trade body co-organises
SUPPORTED = 0.3  # the share of events with a partner or supporter


@dataclass(slots=True)
class Plan:
    """One event, as later tables need it."""

    id: int
    kind: str
    place: object  # generate.reference.Place: the district it is held in
    region: object  # that district, or its state for a state-wide event
    start: date | None
    days: int
    published: bool
    reported: bool = False  # whether its report gives figures (once it is over)
    meetings: int = 0
    buyers: int = 0  # buyers at the meetings, each meeting once per slot
    mous: int = 0
    sessions: dict = field(default_factory=dict)  # session id by Session.Kind

    @property
    def end(self):
        return self.start + timedelta(days=self.days - 1) if self.start else None

    @property
    def languages(self):
        return self.place.languages

    def slots(self):
        """How many meeting slots its meetings take, each buyer meeting once per slot."""
        return ceil(self.meetings / self.buyers)

    def slot_time(self, slot):
        day, n = divmod(slot, SLOTS_PER_DAY)
        return datetime.combine(self.start, time(10), IST) + timedelta(days=day, minutes=30 * n)


def plan_events(reference, directory, counts, seed, today):
    """The events' plans, the first being the benchmark's meet of 500 meetings."""
    rng = random.Random(f"{seed}:event-plans")
    first = next_id(Event)
    places = {
        country: [place for place in reference.places if place.country == country]
        for country in ("IN", "IR")
    }
    plans = []
    for n, pk in enumerate(range(first, first + counts["events"])):
        country = "IR" if n % IRANIAN_EVERY == IRANIAN_EVERY - 1 else "IN"
        place = rng.choice(places[country])
        kind = pick(rng, KIND_WEIGHTS)
        start = today + timedelta(days=rng.randrange(-YEARS_BACK * 365, 366))
        if start > today and rng.random() < DATES_TO_BE_ANNOUNCED:
            start = None
        plans.append(
            Plan(
                id=pk,
                kind=kind,
                place=place,
                region=place.state if rng.random() < STATE_LEVEL else place.region,
                start=start,
                days=rng.randint(1, DAYS.get(kind, 1)) if start else 1,
                published=rng.random() < PUBLISHED,
                reported=rng.random() < REPORTED,
            )
        )
    if plans:
        flagship = plans[0]
        flagship.kind, flagship.published, flagship.reported = Kind.BUYER_SELLER_MEET, True, True
        flagship.start, flagship.days = today - timedelta(days=45), 2
        flagship.place = next(
            (place for place in places["IN"] if place.region.slug == FLAGSHIP_PLACE),
            places["IN"][0],
        )
        flagship.region = flagship.place.region
    _plan_meetings(rng, plans, directory, counts["meetings"])
    _plan_mous(plans, counts["mous"], today)
    return plans


def _plan_meetings(rng, plans, directory, total):
    """Spread `total` meetings: the first plan gets 500, the others a
    long-tailed share (most meets have a few dozen, some several hundred)."""
    eligible = [plan for plan in plans[1:] if plan.kind in MEETING_WEIGHTS and plan.start]
    if not plans or not directory.buyers or not directory.msmes:
        return
    plans[0].meetings = min(FLAGSHIP_MEETINGS, total)
    if eligible:
        weights = [MEETING_WEIGHTS[plan.kind] * rng.lognormvariate(0, 1) for plan in eligible]
        shares = apportion(total - plans[0].meetings, weights)
        for plan, meetings in zip(eligible, shares, strict=True):
            plan.meetings = meetings
    else:
        plans[0].meetings = total
    # Buyers meet all day, one seller a slot; a meet with more meetings than
    # its buyers can hold in its days runs longer.
    most = min(len(directory.buyers), len(directory.msmes))
    for plan in plans:
        if plan.meetings:
            plan.buyers = min(most, ceil(plan.meetings / SLOTS_PER_DAY))
            plan.days = max(plan.days, ceil(plan.slots() / SLOTS_PER_DAY))


def _plan_mous(plans, total, today):
    """Most MoUs are signed at meets and conferences already held, more of
    them where more meetings were held."""
    eligible = [
        plan
        for plan in plans
        if plan.kind in MOU_KINDS and plan.published and plan.start and plan.end < today
    ]
    if eligible:
        weights = [1 + plan.meetings / 50 for plan in eligible]
        shares = apportion(round(total * MOUS_AT_EVENTS), weights)
        for plan, mous in zip(eligible, shares, strict=True):
            plan.mous = mous


def make_events(writer, reference, directory, plans, seed, today):
    """Write the planned events, their links and their sessions."""
    rng = random.Random(f"{seed}:events")
    slugs = Slugs(Event)

    # Apart from `rng`, so that the rest of the dataset is as it was.
    schedule_rng = random.Random(f"{seed}:event-status")

    def rows():
        for plan in plans:
            row = {**_event(rng, plan, today), **_schedule(schedule_rng, plan)}
            row["slug"] = slugs(row["title_en"])
            row["search_text"] = search_text(Event, row, plan.region)
            yield row

    writer.insert(Event, rows())
    _links(writer, reference, directory, plans, random.Random(f"{seed}:event-links"))
    _sessions(writer, plans, random.Random(f"{seed}:sessions"))


def _event(rng, plan, today):
    languages = plan.languages
    where = plan.region.translations("name")
    city = plan.place.region.translations("name")
    event_format = pick(rng, FORMAT_WEIGHTS)
    online = event_format == Event.Format.ONLINE
    row = {
        "id": plan.id,
        "kind": plan.kind,
        "format": event_format,
        "status": Event.Status.PUBLISHED if plan.published else Event.Status.DRAFT,
        "start_date": plan.start,
        "end_date": plan.end if plan.days > 1 else None,
        "region_id": plan.region.pk,
        "country_id": plan.place.country,
        "source_language": plan.place.source_language,
        **translated("title", fill(rng.choice(words.TITLES[plan.kind]), languages, place=where)),
        **translated(
            "description",
            fill(words.DESCRIPTIONS[words.DESCRIPTION_OF_KIND[plan.kind]], languages, place=where)
            if rng.random() < DESCRIBED
            else {},
        ),
        **translated(
            "venue",
            {}
            if online
            else fill(rng.choice(words.VENUES[plan.place.country]), languages, place=city),
        ),
        **translated("city", {} if online else {lang: city[lang] for lang in languages}),
        **translated("contact_desk", {}),
    }
    if plan.reported and plan.published and plan.start and plan.end < today:
        row.update(_figures(rng, plan))
    else:
        row.update(NO_FIGURES)
    return row


def _schedule(rng, plan):
    """Whether the event goes ahead as announced; a rescheduled one's first dates."""
    schedule = pick(rng, SCHEDULE_WEIGHTS)
    row = {"schedule": schedule, "previous_start_date": None, "previous_end_date": None}
    if schedule == Event.Schedule.RESCHEDULED:
        if not plan.start:  # no dates to move: it goes ahead, when announced
            return {**row, "schedule": Event.Schedule.SCHEDULED}
        moved_by = timedelta(days=rng.randint(7, 60))
        row["previous_start_date"] = plan.start - moved_by
        if plan.days > 1:
            row["previous_end_date"] = plan.end - moved_by
    return row


# Every row has the same columns, figures or not.
NO_FIGURES = {
    column: value
    for name in Event.FIGURES
    for column, value in ((name, None), (f"{name}_qualifier", Qualifier.EXACT))
}


def _figures(rng, plan):
    """The figures a report gives, each with how exact it says it is."""
    participants = rng.randint(30, 400) * (3 if plan.kind in PROGRAMME_KINDS else 1)
    buyers = plan.buyers or (rng.randint(3, 40) if plan.kind == Kind.BUYER_SELLER_MEET else None)
    figures = {
        "participants": participants,
        "msmes": participants * rng.randint(40, 80) // 100,
        "foreign_buyers": buyers,
        "buyer_countries": min(buyers, rng.randint(1, 30)) if buyers else None,
        "b2b_meetings": plan.meetings or None,
        "mous": plan.mous or None,
    }
    for name in list(figures):
        figures[f"{name}_qualifier"] = pick(rng, QUALIFIERS)
    return figures


def _links(writer, reference, directory, plans, rng):
    """Schemes, sectors, target markets and organisers."""
    schemes = [scheme.pk for scheme in reference.schemes]
    sectors = [sector.pk for sector in reference.sectors]
    through = Event.schemes.through
    writer.insert(
        through,
        (
            {"event_id": plan.id, "scheme_id": scheme}
            for plan in plans
            if plan.place.country == "IN"
            for scheme in rng.sample(schemes, pick(rng, SCHEMES_PER_EVENT))
        ),
    )
    writer.insert(
        Event.sectors.through,
        (
            {"event_id": plan.id, "sector_id": sector}
            for plan in plans
            for sector in rng.sample(sectors, pick(rng, SECTORS_PER_EVENT))
        ),
    )
    markets = sorted(set(directory.buyer_countries))
    writer.insert(
        Event.target_countries.through,
        (
            {"event_id": plan.id, "country_id": country}
            for plan in plans
            for country in rng.sample(
                markets, rng.randint(1, 4) if plan.meetings else pick(rng, MARKETS_WITHOUT_MEETINGS)
            )
        ),
    )
    writer.insert(EventOrganiser, _organisers(rng, directory, plans))


def _organisers(rng, directory, plans):
    """An official body of the place organises; trade bodies often co-organise or support."""
    Role = EventOrganiser.Role
    for plan in plans:
        keys = [plan.region.pk, plan.place.state.pk, plan.place.country]
        links = [(directory.body(rng, "official", keys), Role.ORGANISER)]
        if rng.random() < CO_ORGANISED:
            links.append((directory.body(rng, "trade", keys), Role.CO_ORGANISER))
        if rng.random() < SUPPORTED:
            role = rng.choice([Role.PARTNER, Role.SUPPORTER])
            links.append((directory.body(rng, "trade", [plan.place.country]), role))
        seen = set()
        for order, (organisation, role) in enumerate(links, 1):
            if organisation not in seen:
                seen.add(organisation)
                yield {
                    "event_id": plan.id,
                    "organisation_id": organisation,
                    "role": role,
                    "order": order,
                }


SESSION_TIMES = {  # (day: 0 the first, -1 the last; starts; ends)
    Session.Kind.INAUGURAL: (0, time(10), time(11)),
    Session.Kind.TECHNICAL: (0, time(11, 15), time(13)),
    Session.Kind.B2B: (0, time(14), time(18)),
    Session.Kind.VALEDICTORY: (-1, time(17, 30), time(18)),
}


def _sessions(writer, plans, rng):
    """Programmes for most meets and conferences, and some other events."""
    ids = count(next_id(Session))

    def rows():
        for plan in plans:
            chance = PROGRAMMES[plan.kind in PROGRAMME_KINDS]
            if not plan.start or rng.random() >= chance:
                continue
            topic = rng.choice(words.TOPICS)
            for order, (kind, (day, starts, ends)) in enumerate(SESSION_TIMES.items(), 1):
                if kind == Session.Kind.B2B and not plan.meetings:
                    continue
                on = plan.end if day else plan.start
                plan.sessions[kind] = pk = next(ids)
                yield {
                    "id": pk,
                    "event_id": plan.id,
                    "kind": kind,
                    "order": order,
                    "starts_at": datetime.combine(on, starts, IST),
                    "ends_at": datetime.combine(on, ends, IST),
                    **translated("title", fill(words.SESSION_TITLES[kind], plan.languages)),
                    **translated(
                        "topic",
                        fill(topic, plan.languages) if kind == Session.Kind.TECHNICAL else {},
                    ),
                }

    writer.insert(Session, rows())


Role = EventRole.Role
LEAD_ROLES = [Role.CHIEF_GUEST, Role.PRESIDED, Role.GUEST_OF_HONOUR]
TALKS = [Role.GUIDED, Role.SPEAKER, Role.PRESENTER]
MOST_TALKS = 7  # beyond the leads and talks, people attended
ROLE_SESSIONS = {
    **dict.fromkeys(LEAD_ROLES, Session.Kind.INAUGURAL),
    **dict.fromkeys(TALKS, Session.Kind.TECHNICAL),
    Role.VOTE_OF_THANKS: Session.Kind.VALEDICTORY,
}


def make_roles(writer, directory, plans, total, seed):
    """Who played which part at each event: officials lead, others speak or attend."""
    rng = random.Random(f"{seed}:roles")
    weights = [
        ROLE_WEIGHTS[plan.kind] * (1 if plan.published else DRAFT_ROLE_WEIGHT) for plan in plans
    ]

    def rows():
        shares = apportion(total, weights) if plans else []
        for plan, roles in zip(plans, shares, strict=True):
            keys = [plan.place.state.pk, plan.place.country]
            seen = set()
            for order, role in enumerate(_role_sequence(roles), 1):
                official = role in LEAD_ROLES or role == Role.VOTE_OF_THANKS
                for _try in range(5):  # a person plays one part at an event, if anyone is left
                    person = directory.official(rng, keys) if official else directory.anyone(rng)
                    if person not in seen:
                        break
                seen.add(person)
                talk = role in TALKS
                yield {
                    "event_id": plan.id,
                    "person_id": directory.first_person + person,
                    "role": role,
                    "session_id": plan.sessions.get(ROLE_SESSIONS.get(role)),
                    # Copied as EventRole.save() copies them: the post held then.
                    "organisation_id": directory.person_organisation[person],
                    "order": order,
                    **translated("designation", directory.person_designation[person]),
                    **translated(
                        "topic", fill(rng.choice(words.TOPICS), plan.languages) if talk else {}
                    ),
                }

    writer.insert(EventRole, rows())


def _role_sequence(roles):
    """The parts, in order, of an event with `roles` roles."""
    closing = [Role.VOTE_OF_THANKS] if roles >= 5 else []
    leads = LEAD_ROLES[: roles - len(closing)]
    rest = roles - len(leads) - len(closing)
    talks = [TALKS[n % len(TALKS)] for n in range(min(rest, MOST_TALKS))]
    return [*leads, *talks, *[Role.ATTENDED] * (rest - len(talks)), *closing]
