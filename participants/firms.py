"""A participant and the firm they act for: claiming a record of the
directory, creating one, asking to join one, and the owner's answer.

Each function writes in one transaction and only once its checks pass: a
refused request writes nothing.
"""

from django.db import transaction

from .models import FirmMembership

Role = FirmMembership.Role
Status = FirmMembership.Status


def membership_of(user):
    """The user's membership of a firm, with the firm, or None."""
    return FirmMembership.objects.select_related("organisation").filter(user_id=user.pk).first()


def owns(organisation):
    """Whether the firm has an owner on the portal already."""
    return FirmMembership.objects.filter(organisation=organisation, role=Role.OWNER).exists()


@transaction.atomic
def claim(user, organisation):
    """The user becomes the owner of a record of the directory no one owns."""
    return FirmMembership.objects.create(
        user=user, organisation=organisation, role=Role.OWNER, status=Status.APPROVED
    )


@transaction.atomic
def create_firm(user, form):
    """A firm the directory lacks, saved from `form`: unverified until an
    official checks it, and owned by the user who entered it."""
    organisation = form.save(commit=False)
    organisation.verified = False
    organisation.save()
    form.save_m2m()
    return claim(user, organisation)


@transaction.atomic
def ask_to_join(user, organisation):
    return FirmMembership.objects.create(user=user, organisation=organisation)


def colleagues(owner_membership):
    """The memberships of the owner's firm, the owner's own left out."""
    return (
        FirmMembership.objects.filter(organisation_id=owner_membership.organisation_id)
        .exclude(pk=owner_membership.pk)
        .select_related("user")
        .order_by("-status", "created_at", "pk")  # those waiting first
    )


def approve(membership):
    membership.status = Status.APPROVED
    membership.save(update_fields=["status"])


@transaction.atomic
def hand_over(owner_membership, membership):
    """The owner makes a colleague the firm's owner, and stays on as a member."""
    # The old owner first: a firm has one owner at every moment (a constraint).
    owner_membership.role = Role.MEMBER
    owner_membership.save(update_fields=["role"])
    membership.role = Role.OWNER
    membership.save(update_fields=["role"])
