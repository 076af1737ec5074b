"""The demo data loader: the seed reports' events and sample meets, written idempotently."""

import datetime
from collections import Counter, defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from events import summaries
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
from participants.models import RegistrationQuestion, RegistrationSettings

from . import demo_data


@transaction.atomic
def load_demo(*, samples=True):
    """Load `demo_data` (with its invented sample meets unless `samples` is false).

    Missing records are created and existing ones brought in line, writing
    only what differs, so a second run changes nothing. Returns a Counter of
    records "created", "updated" and "unchanged".
    """
    loader = _Loader()
    # modeltranslation also writes a translated field's own column (`name`)
    # in the active language; the default language keeps that column the
    # same whoever runs the load. The statistics summaries are rewritten
    # once at the end, not at each record.
    with translation.override(settings.LANGUAGE_CODE), summaries.batch():
        loader.records(Region, demo_data.REGIONS)
        loader.records(Sector, demo_data.SECTORS)
        loader.records(Organisation, demo_data.ORGANISATIONS)
        # People have no slug; their English name is what finds them again.
        loader.records(Person, demo_data.PEOPLE, identity=("name_en",))
        loader.records(Scheme, demo_data.SCHEMES)
        loader.records(EventSeries, demo_data.SERIES)
        for slug, data in demo_data.EVENTS.items():
            loader.event(slug, data)
        for slug, data in demo_data.MOUS.items():
            loader.mou(slug, data)
        if samples:
            loader.records(Organisation, demo_data.SAMPLE_ORGANISATIONS)
            for slug, data in demo_data.SAMPLE_PAST_EVENTS.items():
                loader.event(slug, data)
            for slug, data in demo_data.sample_events(timezone.localdate()).items():
                loader.event(slug, data)
            for data in demo_data.SAMPLE_MEETINGS:
                loader.upsert(B2BMeeting, data, identity=("event", "buyer", "seller"))
    return loader.tally


class _Loader:
    """Upserts records, remembering each by its key so that later ones can name it."""

    def __init__(self):
        self.tally = Counter(created=0, updated=0, unchanged=0)
        self.refs = defaultdict(dict, {Country: Country.objects.in_bulk()})

    def records(self, model, records, identity=("slug",)):
        for key, data in records.items():
            self.record(model, key, data, identity)

    def record(self, model, key, data, identity=("slug",)):
        """Upsert a record known by `key`, which is also its slug if it is found by slug."""
        if identity == ("slug",):
            data = {"slug": key, **data}
        self.refs[model][key] = self.upsert(model, data, identity)
        return self.refs[model][key]

    def event(self, slug, data):
        """Upsert a published event with its organisers, sessions and roles, in order."""
        data = dict(data)
        # Popped before the event itself is written: `organisers` is also the
        # name of the event's many-to-many field, whose links carry a role.
        organisers = data.pop("organisers", [])
        sessions = data.pop("sessions", [])
        roles = data.pop("roles", [])
        registration = data.pop("registration", None)
        event = self.record(Event, slug, {"status": Event.Status.PUBLISHED, **data})
        if registration:
            self.registration(event, registration)
        for order, link in enumerate(organisers, 1):
            self.upsert(
                EventOrganiser,
                {"event": event, "order": order, **link},
                identity=("event", "organisation"),
            )
        session_roles = self.sessions(event, sessions)
        for order, role in enumerate([*session_roles, *roles], 1):
            self.upsert(
                EventRole,
                {"event": event, "order": order, **role},
                identity=("event", "person", "role"),
            )

    def sessions(self, event, sessions):
        """Upsert the event's sessions; returns the roles played in them."""
        roles = []
        for order, data in enumerate(sessions, 1):
            data = dict(data)
            its_roles = data.pop("roles", [])
            session = self.upsert(
                Session, {"event": event, "order": order, **data}, identity=("event", "order")
            )
            roles += [{**role, "session": session} for role in its_roles]
        return roles

    def registration(self, event, data):
        """Upsert the event's registration settings, closing at the end of
        `closes_on` in the portal's time zone, and its questions, in order."""
        data = dict(data)
        questions = data.pop("questions", [])
        closes_on = data.pop("closes_on")
        closes_at = timezone.make_aware(datetime.datetime.combine(closes_on, datetime.time(23, 59)))
        self.upsert(
            RegistrationSettings,
            {"event": event, "closes_at": closes_at, **data},
            identity=("event",),
        )
        for position, question in enumerate(questions, 1):
            self.upsert(
                RegistrationQuestion,
                {"event": event, "position": position, **question},
                identity=("event", "position"),
            )

    def mou(self, slug, data):
        data = dict(data)
        parties = data.pop("parties")
        mou = self.record(MoU, slug, data)
        for order, organisation in enumerate(parties, 1):
            self.upsert(
                MoUParty,
                {"mou": mou, "organisation": organisation, "role": "party", "order": order},
                identity=("mou", "organisation"),
            )

    def upsert(self, model, data, identity):
        """Create the record `identity` finds, or write to it only the values that differ.

        Every model goes through here: unchanged records are not saved, so
        their `updated_at` stays as it was.
        """
        values, m2m = self.resolve(model, data)
        record = model._default_manager.filter(**{name: values[name] for name in identity}).first()
        created = record is None
        record = record or model()
        changed = {name: value for name, value in values.items() if _differs(record, name, value)}
        if created or changed:
            for name, value in changed.items():
                setattr(record, name, value)
            record.full_clean()
            record.save()
        m2m_changed = _sync_many_to_many(record, m2m)
        outcome = "created" if created else "updated" if changed or m2m_changed else "unchanged"
        self.tally[outcome] += 1
        return record

    def resolve(self, model, data):
        """Field values for `data`, and apart from them its many-to-many targets.

        A dict is a translated field by language, spread over its columns
        (title -> title_en, title_mr); a string where a record belongs is the
        key that record was loaded under, or a country's ISO code.
        """
        values, m2m = {}, {}
        for name, value in data.items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                m2m[name] = [self.refs[field.related_model][key] for key in value]
            elif field.many_to_one and isinstance(value, str):
                values[name] = self.refs[field.related_model][value]
            elif isinstance(value, dict):
                values.update({f"{name}_{lang}": text for lang, text in value.items()})
            else:
                values[name] = value
        return values, m2m


def _differs(record, name, value):
    field = record._meta.get_field(name)
    # Foreign keys (and one-to-one keys) compare by id: no query for the related record.
    if field.many_to_one or field.one_to_one:
        return getattr(record, field.attname) != value.pk
    return getattr(record, name) != value


def _sync_many_to_many(record, m2m):
    """Set the many-to-many fields that differ from `m2m`; True if any did."""
    changed = False
    for name, targets in m2m.items():
        manager = getattr(record, name)
        if set(manager.values_list("pk", flat=True)) != {target.pk for target in targets}:
            manager.set(targets)
            changed = True
    return changed
