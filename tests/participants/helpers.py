"""Participants for the tests, and the links their mails carry."""

import re

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User

from participants.models import FirmMembership, Participant

PASSWORD = "saffron-loom-export-42"


def participant(email, lang="en", password=PASSWORD):
    """A participant whose address is verified, writing in `lang`."""
    user = User.objects.create_user(email.split("@")[0], email=email, password=password)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Participant.objects.create(user=user, language=lang)
    return user


def link(mail, path):
    """The address in the mail's text whose path contains `path`."""
    [url] = re.findall(rf"https?://\S*{re.escape(path)}\S*", mail.body)
    return url


def member(email, organisation, lang="en"):
    """A participant who owns `organisation`'s record on the portal."""
    user = participant(email, lang)
    FirmMembership.objects.create(
        user=user,
        organisation=organisation,
        role=FirmMembership.Role.OWNER,
        status=FirmMembership.Status.APPROVED,
    )
    return user
