"""A participant's firm, under /<lang>/account/firm/: claim a record of the
directory, create one, ask to join one; its owner edits the profile and
answers colleagues who ask to join (participants.firms)."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from orgs.selectors import hs_code_search
from participants import firms
from participants.firm_forms import ClaimForm, JoinForm, ProfileForm
from participants.models import FirmMembership, is_participant
from portal.templatetags.localise import shown


def participant_page(view):
    """Logged-in participants only: a visitor is sent to log in; staff, who
    have no public account, find nothing here."""

    @functools.wraps(view)
    @login_required(login_url="account_login")
    def checked(request, *args, **kwargs):
        if not is_participant(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return checked


def without_firm(view):
    """The pages that give a participant a firm: once they have one, its page."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if firms.membership_of(request.user):
            return redirect("firm:firm")
        return view(request, *args, **kwargs)

    return participant_page(checked)


def owner_membership(user):
    """The user's membership as the owner of a firm; 404 for anyone else."""
    membership = firms.membership_of(user)
    if membership is None or membership.role != FirmMembership.Role.OWNER:
        raise Http404
    return membership


def written(request, form, field, write, subject):
    """Whether `write(request.user, subject)` wrote; if not, the form says why.

    Its checks passed, but a request sent at the same moment wrote first:
    the same participant's (a second click: they act for a firm now) or
    another's, who took the firm's number.
    """
    try:
        write(request.user, subject)
    except IntegrityError:
        if firms.membership_of(request.user):
            form.add_error(None, _("You already act for a firm on the portal."))
        else:
            form.add_error(field, _("This firm already has an owner on the portal."))
        return False
    return True


@participant_page
def firm(request):
    membership = firms.membership_of(request.user)
    return render(request, "account/firm/firm.html", {"membership": membership})


@without_firm
def claim(request):
    form = ClaimForm(request.POST or None)
    if form.is_valid() and written(request, form, "number", firms.claim, form.organisation):
        messages.success(request, _("You are the owner of your firm's record on the portal."))
        return redirect("firm:firm")
    return render(request, "account/firm/claim.html", {"form": form})


@without_firm
def join(request):
    form = JoinForm(request.POST or None)
    if form.is_valid() and written(request, form, "number", firms.ask_to_join, form.organisation):
        messages.success(request, _("Your request was sent to the firm's owner."))
        return redirect("firm:firm")
    return render(request, "account/firm/join.html", {"form": form})


@without_firm
def create(request, form_class, heading):
    form = form_class(request.POST or None)
    if form.is_valid() and written(request, form, None, firms.create_firm, form):
        messages.success(
            request,
            _(
                "Your firm's record was created. An official will verify it; until then "
                "it is not shown in the public directory."
            ),
        )
        return redirect("firm:firm")
    return render(request, "account/firm/create.html", {"form": form, "heading": heading})


@participant_page
def profile(request):
    organisation = owner_membership(request.user).organisation
    form = ProfileForm(request.POST or None, request.FILES or None, instance=organisation)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your firm's profile was saved."))
        return redirect("firm:firm")
    return render(request, "account/firm/profile.html", {"form": form})


@participant_page
def hs_codes(request):
    """The HS chapters and headings that match `q`, for the profile's search
    (static/portal/js/hs-codes.js), named in the page's language where they can be."""
    matches, more = hs_code_search(request.GET.get("q", "")[:100])
    results = []
    for hs in matches:
        name = shown(hs, "name")
        results.append({"code": hs.code, "name": name.text, "lang": name.lang})
    return JsonResponse({"results": results, "more": more})


@participant_page
def colleagues(request):
    memberships = firms.colleagues(owner_membership(request.user))
    return render(request, "account/firm/colleagues.html", {"memberships": memberships})


@require_POST
@participant_page
def answer(request, pk, action):
    """The owner's answer about another membership of the firm: approve or
    refuse a request to join; remove a colleague, or hand the ownership
    over to them. Another firm's membership, or one in the wrong state, is a 404."""
    owner = owner_membership(request.user)
    pending = action in ("approve", "refuse")
    membership = get_object_or_404(
        FirmMembership.objects.select_related("user"),
        pk=pk,
        organisation_id=owner.organisation_id,
        status=FirmMembership.Status.PENDING if pending else FirmMembership.Status.APPROVED,
        role=FirmMembership.Role.MEMBER,
    )
    if action == "approve":
        firms.approve(membership)
        message = _("%(email)s is now a colleague on the portal.")
    elif action == "hand-over":
        firms.hand_over(owner, membership)
        messages.success(
            request, _("%(email)s is now the firm's owner.") % {"email": membership.user.email}
        )
        return redirect("firm:firm")
    else:
        membership.delete()
        message = (
            _("The request of %(email)s was refused.")
            if pending
            else _("%(email)s no longer acts for the firm.")
        )
    messages.success(request, message % {"email": membership.user.email})
    return redirect("firm:colleagues")
