"""The background worker's tasks of registrations (run by the worker's beat)."""

from celery import shared_task

from . import registrations


@shared_task
def lapse_offers():
    """Offered places not taken up in time go to the next firm waiting."""
    registrations.lapse_offers()


@shared_task
def remind_participants():
    """The reminder mail, two days before a meet, to those with a place."""
    return registrations.remind()
