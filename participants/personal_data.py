"""A participant's rights over their own data (India's DPDP Act 2023): a copy
of all the portal keeps of them, and the account's deletion.

Deleting an account keeps the firm and its registrations, anonymised: the
meet's records and figures stay whole, but nothing in them leads back to the
person (no user, no answers, no document, in the history too).
"""

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import FirmMembership, Participant, Registration, RegistrationQuestion


def export(user):
    """All the portal keeps of `user`, as JSON-ready data."""
    participant = Participant.objects.filter(user_id=user.pk).first()
    memberships = FirmMembership.objects.filter(user_id=user.pk).select_related("organisation")
    rows = list(
        Registration.objects.filter(user_id=user.pk).select_related("event", "organisation")
    )
    questions = dict(
        RegistrationQuestion.objects.filter(
            event_id__in={row.event_id for row in rows}
        ).values_list("pk", "text")
    )
    return {
        "account": {
            "email": user.email,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "language": participant.language if participant else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user_id=user.pk)
            ],
        },
        "firms": [
            {
                "firm": membership.organisation.name,
                "role": membership.role,
                "status": membership.status,
                "since": membership.created_at.isoformat(),
            }
            for membership in memberships
        ],
        "registrations": [
            {
                "event": row.event.title,
                "event_start": row.event.start_date.isoformat() if row.event.start_date else None,
                "firm": row.organisation.name,
                "kind": row.kind,
                "status": row.status,
                "reason": row.reason,
                "registered": row.created_at.isoformat(),
                "answers": {
                    questions.get(int(pk), pk): answer for pk, answer in row.answers.items()
                },
                "document": row.document.name or None,
            }
            for row in rows
        ],
    }


@transaction.atomic
def delete_account(user):
    """Delete the account; its registrations stay, anonymised."""
    registrations = Registration.objects.filter(user_id=user.pk)
    for registration in registrations.exclude(document=""):
        registration.document.delete(save=False)
    # By update(): an anonymisation is not a change of status to record.
    registrations.update(user=None, answers={}, document="")
    Registration.history.filter(user_id=user.pk).update(user=None, answers={}, document="")
    Registration.history.filter(history_user_id=user.pk).update(history_user=None)
    user.delete()
