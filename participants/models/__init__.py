from .accounts import FirmMembership, Participant, is_participant
from .registrations import (
    Registration,
    RegistrationQuestion,
    RegistrationSettings,
    private_documents,
)

__all__ = [
    "FirmMembership",
    "Participant",
    "Registration",
    "RegistrationQuestion",
    "RegistrationSettings",
    "is_participant",
    "private_documents",
]
