"""An event's history includes what changed in its parts: the organisers,
sessions, roles and MoUs edited on its page, which have no page of their own."""

from django.utils import timezone

from .models import EventOrganiser, EventRole, MoU, Session

PARTS = (EventOrganiser, Session, EventRole, MoU)


def part_changes(event_id, limit=100):
    """The latest changes to the event's parts, newest first, with their fields.

    One query per kind of part; each record is compared with the one before
    it of the same part.
    """
    entries = []
    for model in PARTS:
        records = (
            model.history.filter(event_id=event_id)
            .select_related("history_user")
            .order_by("id", "history_date", "history_id")
        )
        previous = {}
        for record in records:
            before = previous.get(record.id)
            changes = []
            if before is not None:
                changes = [
                    (model._meta.get_field(change.field).verbose_name, change.old, change.new)
                    for change in record.diff_against(before).changes
                    if change.old or change.new
                ]
            previous[record.id] = record
            entries.append(
                {
                    "date": timezone.localtime(record.history_date),
                    "user": record.history_user,
                    "part": model._meta.verbose_name,
                    "number": record.id,
                    "action": record.get_history_type_display(),
                    "changes": changes,
                }
            )
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:limit]
