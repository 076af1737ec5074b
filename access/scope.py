"""Which records a back-office user may see and change.

An event belongs to the organisations that organise it; a user sees and
edits the events organised by one of their organisations (or a body directly
under one), and what hangs off those events: sessions, roles, MoUs, B2B
meetings. An MoU signed outside any event belongs to its parties.

Organisations and people are a shared directory every official looks up and
adds to; a user may change one unless it organises events outside their
scope (then only its own officials or an administrator may).
"""

from django.db.models import Exists, OuterRef, Q

from events.models import (
    B2BMeeting,
    Event,
    EventOrganiser,
    EventRevision,
    EventRole,
    MoU,
    MoUParty,
    Session,
)
from orgs.models import Organisation, Person

from .models import Membership

ALL_ORGANISATIONS = "access.all_organisations"


def sees_everything(user):
    return user.has_perm(ALL_ORGANISATIONS)


def own_organisations(user):
    """The organisations a user works for and those directly under them."""
    mine = Membership.objects.filter(user=user).values("organisation")
    units = Organisation.objects.filter(parent__in=mine).order_by().values("pk")
    # A UNION, not `pk IN mine OR parent IN mine`: PostgreSQL sees how few
    # they are, where it guesses a third of the directory for an OR of
    # subqueries and plans the meetings list for a million rows (4 s, not 6 ms).
    return mine.union(units)


def events_q(user):
    organised = EventOrganiser.objects.filter(
        event=OuterRef("pk"), organisation__in=own_organisations(user)
    )
    return Q(Exists(organised))


def mous_q(user):
    party = MoUParty.objects.filter(mou=OuterRef("pk"), organisation__in=own_organisations(user))
    return Q(event__in=Event.objects.filter(events_q(user))) | Q(event__isnull=True) & Q(
        Exists(party)
    )


# How each model's rows are reached from the events in scope.
SCOPES = {
    Event: events_q,
    MoU: mous_q,
    **{
        model: lambda user: Q(event__in=Event.objects.filter(events_q(user)))
        for model in (EventOrganiser, Session, EventRole, B2BMeeting, EventRevision)
    },
    MoUParty: lambda user: Q(mou__in=MoU.objects.filter(mous_q(user))),
}


def limit(queryset, user):
    """The rows of `queryset` the user may see; the directory is seen whole."""
    scope = SCOPES.get(queryset.model)
    if scope is None or sees_everything(user):
        return queryset
    return queryset.filter(scope(user))


def editable_organisations_q(user):
    """Organisations the user may change: see the module's docstring."""
    foreign_events = EventOrganiser.objects.filter(organisation=OuterRef("pk")).exclude(
        event__in=Event.objects.filter(events_q(user))
    )
    return Q(pk__in=own_organisations(user)) | ~Q(Exists(foreign_events))


def may_change(user, obj):
    """Whether the user may change or delete this organisation or person."""
    if sees_everything(user):
        return True
    if isinstance(obj, Person):
        if obj.organisation_id is None:
            return True
        obj = obj.organisation
    editable = Organisation.objects.filter(editable_organisations_q(user))
    return editable.filter(pk=obj.pk).exists()


def may_organise(user, organisations):
    """Whether an event organised by these organisations stays in the user's scope."""
    if sees_everything(user):
        return True
    pks = [org.pk for org in organisations]
    return Organisation.objects.filter(pk__in=pks).filter(pk__in=own_organisations(user)).exists()


class UserScope:
    """One user's scope, as an import or a report takes it.

    The imports and exporters of the directory and the events apps know
    nothing of access: the back-office hands them this, and they ask it
    which rows they may read (`limit`) and which records they may change.
    """

    def __init__(self, user):
        self.user = user

    def limit(self, queryset):
        return limit(queryset, self.user)

    def may_change(self, obj):
        return may_change(self.user, obj)
