"""The time slots of a meet's B2B meetings, from its settings and its days."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .problem import Slot


@dataclass(frozen=True)
class TimedSlot:
    """A slot of the problem, with when it starts and ends (aware, in the portal's zone)."""

    slot: Slot
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    @property
    def id(self):
        return self.slot.id


def _time(value):
    return value if isinstance(value, datetime.time) else datetime.time.fromisoformat(value)


def meet_days(event):
    if not event.start_date:
        return []
    last = event.end_date or event.start_date
    return [
        event.start_date + datetime.timedelta(days=n)
        for n in range((last - event.start_date).days + 1)
    ]


def slots(settings):
    """Every slot of the meet, in time order; none overlaps a break.

    A slot's id is its start as local ISO 8601 ("2026-12-25T10:20"): stable
    while the settings keep it, and what a firm's availability names.
    """
    length = datetime.timedelta(minutes=settings.slot_minutes)
    breaks = [(_time(start), _time(end)) for start, end in settings.breaks]
    result = []
    for day_index, day in enumerate(meet_days(settings.event)):
        start = datetime.datetime.combine(day, _time(settings.day_starts))
        end_of_day = datetime.datetime.combine(day, _time(settings.day_ends))
        position = 0
        while start + length <= end_of_day:
            end = start + length
            clash = next(
                (
                    b_end
                    for b_start, b_end in breaks
                    if start.time() < b_end and b_start < end.time()
                ),
                None,
            )
            if clash:
                # Resume at the end of the break, not in the middle of it.
                start = datetime.datetime.combine(day, clash)
                continue
            slot = Slot(id=start.isoformat(timespec="minutes"), day=day_index, position=position)
            result.append(TimedSlot(slot, timezone.make_aware(start), timezone.make_aware(end)))
            position += 1
            start = end
    return result
