"""The rules of meeting requests at a meet: who may ask whom, when, how often,
and who answers.

Only firms approved for the meet take part, each acting through its
participants. Every write locks the meet's matchmaking settings first, so
that the checks of open requests and of pairs already asked are one step
with the write, and raises `Refused` before writing anything.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Registration
from participants.registrations import Refused, firm_of

from .models import MatchmakingSettings, MeetingRequest

Kind = Registration.Kind
Status = MeetingRequest.Status
WhoRequests = MatchmakingSettings.WhoRequests


def taking_part(event):
    """The registrations approved for the meet: those who see its catalogue and meet."""
    return Registration.objects.filter(
        event=event, status=Registration.Status.APPROVED, kind__in=[Kind.BUYER, Kind.SELLER]
    )


def registration_of(user, event):
    """The user's firm's approved registration for the meet, or None."""
    firm = firm_of(user)
    if firm is None:
        return None
    return taking_part(event).filter(organisation=firm).first()


def may_request(settings, requester, recipient):
    """Whether the meet lets `requester`'s kind ask `recipient`'s."""
    if settings.who_requests == WhoRequests.BUYERS:
        return requester.kind == Kind.BUYER and recipient.kind == Kind.SELLER
    if settings.who_requests == WhoRequests.BOTH:
        return {requester.kind, recipient.kind} == {Kind.BUYER, Kind.SELLER}
    return False


def requests_open(settings, now=None):
    now = now or timezone.now()
    return (settings.requests_open is None or settings.requests_open <= now) and (
        settings.requests_close is None or now < settings.requests_close
    )


def _locked_settings(event_id):
    settings = MatchmakingSettings.objects.select_for_update().filter(event_id=event_id).first()
    if settings is None:
        raise Refused(_("This meet arranges no B2B meetings on the portal."))
    return settings


def live_between(first, second):
    """The live (waiting or accepted) request between two registrations, either way round."""
    return MeetingRequest.objects.filter(
        Q(requester=first, recipient=second) | Q(requester=second, recipient=first),
        status__in=[Status.PENDING, Status.ACCEPTED],
    )


@transaction.atomic
def request_meeting(
    user, event, recipient, message="", priority=MeetingRequest.Priority.MEDIUM, now=None
):
    """At the meet `event`, the user's firm asks the firm of registration `recipient` to meet."""
    settings = _locked_settings(event.pk)
    requester = registration_of(user, event)
    if requester is None:
        raise Refused(_("Only firms approved for this meet can request meetings at it."))
    if recipient.status != Registration.Status.APPROVED or recipient.event_id != event.pk:
        raise Refused(_("This firm does not take part in the meet."))
    if recipient.pk == requester.pk:
        raise Refused(_("A firm cannot request a meeting with itself."))
    if not requests_open(settings, now):
        raise Refused(_("Meeting requests for this meet are not open."))
    if not may_request(settings, requester, recipient):
        raise Refused(_("At this meet you cannot request a meeting with this kind of firm."))
    if live_between(requester, recipient).exists():
        raise Refused(_("A request between your firms is already waiting or accepted."))
    waiting = MeetingRequest.objects.open().filter(requester=requester).count()
    if waiting >= settings.max_open_requests:
        raise Refused(
            _("You have %(count)s requests waiting for an answer, the most this meet allows.")
            % {"count": waiting}
        )
    if not _within_rate(requester, now):
        raise Refused(
            _("Your firm has sent many requests in the last hour: send the next one later.")
        )
    return MeetingRequest.objects.create(
        event=event,
        requester=requester,
        recipient=recipient,
        message=message.strip(),
        priority=priority,
    )


# Requests a firm may send in an hour, withdrawn ones included: a stop to a
# script sending one to every firm of the catalogue, not to a busy buyer.
REQUESTS_PER_HOUR = 30


def _within_rate(requester, now=None):
    """Count the request in this hour's window; False once over REQUESTS_PER_HOUR."""
    hour = (now or timezone.now()).strftime("%Y%m%d%H")
    key = f"meeting-requests:{requester.pk}:{hour}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= REQUESTS_PER_HOUR


@transaction.atomic
def answer(user, meeting_request, accept, reason=""):
    """The recipient's firm accepts the request, or declines it with a reason from the list."""
    _locked_settings(meeting_request.event_id)
    meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
    if firm_of(user) != meeting_request.recipient.organisation:
        raise Refused(_("Only the firm asked can answer this request."))
    if meeting_request.status != Status.PENDING:
        raise Refused(_("This request has been answered already."))
    if not accept and reason not in MeetingRequest.DeclineReason.values:
        raise Refused(_("Choose a reason for declining from the list."))
    meeting_request.status = Status.ACCEPTED if accept else Status.DECLINED
    meeting_request.decline_reason = "" if accept else reason
    meeting_request.answered_at = timezone.now()
    meeting_request.save()
    return meeting_request


@transaction.atomic
def withdraw(user, meeting_request):
    """The requesting firm takes back a request not yet answered."""
    _locked_settings(meeting_request.event_id)
    meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
    if firm_of(user) != meeting_request.requester.organisation:
        raise Refused(_("Only the firm that asked can withdraw this request."))
    if meeting_request.status != Status.PENDING:
        raise Refused(_("This request has been answered already."))
    meeting_request.status = Status.WITHDRAWN
    meeting_request.save()
    return meeting_request


@transaction.atomic
def organiser_match(buyer, seller, priority=MeetingRequest.Priority.MEDIUM):
    """The organisers match a buyer and a seller of the meet: an accepted request."""
    _locked_settings(buyer.event_id)
    if not (buyer.kind == Kind.BUYER and seller.kind == Kind.SELLER):
        raise Refused(_("Match a buyer with a seller."))
    if buyer.event_id != seller.event_id or not all(
        r.status == Registration.Status.APPROVED for r in (buyer, seller)
    ):
        raise Refused(_("Both firms must be approved for the same meet."))
    if live_between(buyer, seller).exists():
        raise Refused(_("A request between these firms is already waiting or accepted."))
    return MeetingRequest.objects.create(
        event_id=buyer.event_id,
        requester=buyer,
        recipient=seller,
        priority=priority,
        status=Status.ACCEPTED,
        by_organiser=True,
        answered_at=timezone.now(),
    )
