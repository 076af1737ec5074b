from django import template

from access import scope
from events.models import EventRevision

register = template.Library()

# The home page lists this many, newest first; the list of changes has the rest.
SHOWN = 20


@register.simple_tag(takes_context=True)
def pending_revisions(context):
    """The changes waiting for approval in the user's scope, for the back-office's home page."""
    waiting = EventRevision.objects.pending().select_related("event", "proposed_by")
    return list(scope.limit(waiting, context["request"].user)[:SHOWN])
