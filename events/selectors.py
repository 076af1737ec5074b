"""Reads the public pages need: the filtered, paginated event list and its
facets (counted as any list's, portal.listing; stored for the list as it
opens, events.list_counts), and an organisation's page with its events,
roles and MoUs."""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from orgs.models import Organisation, Person
from orgs.selectors import listed
from portal.languages import columns
from portal.listing import as_shown, list_page

from .list_counts import EVENT_LIST
from .models import Event, EventOrganiser, EventRole
from .mou_selectors import public_mous, with_parties

PAGE_SIZE = 20


def event_listing(*, params, page_size=PAGE_SIZE):
    """The published events `params` ask for, one page of them, and the facets.

    A bad parameter is left out and named in `ignored`; a page past the end
    is a 404. The list's count comes with the facets', in the same
    statement, or stored for the list as most visitors open it.
    """
    filterset = EVENT_LIST.filterset(params)
    return list_page(
        filterset,
        filterset.qs.for_listing(),
        params,
        page_size=page_size,
        not_found=_("There is no such page of events."),
        counts=EVENT_LIST.stored_counts(filterset),
    )


# What the page shows of each event listed: its title, dates and kind, and
# its slug for the link. Only these columns are read: the busiest organiser
# lists hundreds of events, each with its description in every language.
LISTED_EVENT = ("slug", "start_date", "end_date", "kind", "schedule", *columns("title"))
# The busiest organisers have run over a thousand events: the page shows the
# latest, and links to the event list (and the MoU register) for the rest.
SHOWN = 20
SHOWN_ROLES = 50


def organisation_page(slug):
    """An organisation with what its public page shows; 404 if there is none.

    Besides its own records: `public_event_links` (the latest published events
    it organised or supported, with its role), `public_roles` (the latest roles
    its people held at published events, by event), `public_mous` (its latest
    MoUs not signed at a draft event), each with a `more_...` flag when there
    are more, and `public_people` (names and posts; contacts are private).
    """
    organisation = get_object_or_404(
        listed()
        .select_related("country", "region", "region__parent", "parent")
        .prefetch_related(
            "sectors",
            "hs_codes",
            "target_markets",
            Prefetch("units", Organisation.objects.order_by(as_shown("name"), "pk")),
            # The links alone: their events are read below, once for both lists.
            Prefetch(
                "event_links",
                EventOrganiser.objects.filter(event__status=Event.Status.PUBLISHED)
                .only("role", "organisation", "event")
                .order_by(F("event__start_date").desc(nulls_first=True), "pk")[: SHOWN + 1],
                to_attr="public_event_links",
            ),
            Prefetch(
                "mous",
                public_mous().select_related("event").prefetch_related(with_parties())[: SHOWN + 1],
                to_attr="public_mous",
            ),
            # Names and posts only are shown: a person's email and phone are private.
            Prefetch(
                "people", Person.objects.order_by(as_shown("name"), "pk"), to_attr="public_people"
            ),
        ),
        slug=slug,
    )
    # EventRole.organisation has no reverse accessor to prefetch through.
    # Fetched apart, each person is made once, not once per role: the
    # busiest organiser's few people held hundreds of roles.
    organisation.public_roles = list(
        EventRole.objects.filter(organisation=organisation, event__status=Event.Status.PUBLISHED)
        .only("role", "event", "person")
        .prefetch_related(Prefetch("person", Person.objects.only(*columns("name"))))
        .order_by(F("event__start_date").desc(nulls_first=True), "event", "order", "pk")[
            : SHOWN_ROLES + 1
        ]
    )
    # The events of both lists in one query, each made once, with only what
    # the page shows of them: the links and roles were found by index
    # (events' status and date), not by reading hundreds of wide rows.
    rows = [*organisation.public_event_links, *organisation.public_roles]
    events = Event.objects.only(*LISTED_EVENT).in_bulk({row.event_id for row in rows})
    for row in rows:
        row.event = events[row.event_id]
    # One more than shown was read, to know whether there are more.
    organisation.more_events = len(organisation.public_event_links) > SHOWN
    organisation.public_event_links = organisation.public_event_links[:SHOWN]
    organisation.more_roles = len(organisation.public_roles) > SHOWN_ROLES
    organisation.public_roles = organisation.public_roles[:SHOWN_ROLES]
    organisation.more_mous = len(organisation.public_mous) > SHOWN
    organisation.public_mous = organisation.public_mous[:SHOWN]
    return organisation
