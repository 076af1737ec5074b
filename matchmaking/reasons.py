"""Why a request was not placed, worked out from the schedule after solving."""

from collections import Counter

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    NO_COMMON_SLOT = "no_common_slot", _("The buyer and the seller share no available slot")
    BUYER_AT_MAXIMUM = "buyer_at_maximum", _("The buyer has reached their maximum of meetings")
    SELLER_AT_MAXIMUM = "seller_at_maximum", _("The seller has reached their maximum of meetings")
    SLOTS_TAKEN = (
        "slots_taken",
        _(
            "Every slot they share is taken by the buyer's or the seller's other meetings, "
            "or has no free table"
        ),
    )


def explain(problem, placed) -> dict:
    """{request id: Reason} for each request not in `placed` (a set of request ids).

    The first constraint that blocks it, checked in the order of `Reason`. A
    request that fits nowhere although both firms are below their maximum is
    blocked slot by slot: the scheduler fills any gap it could take.
    """
    count = Counter()
    for request_id in placed:
        request = problem.request[request_id]
        count[request.buyer] += 1
        count[request.seller] += 1
    reasons = {}
    for request in problem.requests:
        if request.id in placed:
            continue
        if not problem.common_slots(request):
            reasons[request.id] = Reason.NO_COMMON_SLOT
        elif count[request.buyer] >= problem.firm[request.buyer].max_meetings:
            reasons[request.id] = Reason.BUYER_AT_MAXIMUM
        elif count[request.seller] >= problem.firm[request.seller].max_meetings:
            reasons[request.id] = Reason.SELLER_AT_MAXIMUM
        else:
            reasons[request.id] = Reason.SLOTS_TAKEN
    return reasons
