"""A participant's meets, under /<lang>/account/meets/: registering the firm
for a meet, the registrations and their news, taking up an offered place or
cancelling, and their own data: a copy as JSON, or the account deleted
(participants.registrations, participants.personal_data)."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from events.models import Event
from participants import personal_data, registrations
from participants.models import Registration, RegistrationQuestion
from participants.personal_data_forms import DeleteAccountForm, LanguageForm
from participants.registration_forms import RegistrationForm

from .firm import participant_page

# What a participant is told once the firm is registered, by the status it got.
REGISTERED = {
    Registration.Status.RECEIVED: gettext_lazy(
        "Your firm is registered. The organisers will check the registration and write to you."
    ),
    Registration.Status.APPROVED: gettext_lazy("Your firm is registered and has a place."),
    Registration.Status.WAITLISTED: gettext_lazy(
        "All places of your kind are taken: your firm is on the waiting list."
    ),
}


@participant_page
def meets(request):
    firm = registrations.firm_of(request.user)
    rows = (
        Registration.objects.filter(organisation=firm)
        .select_related("event__matchmaking_settings", "user")
        .order_by("-created_at", "-pk")
        if firm
        else Registration.objects.none()
    )
    language_form = LanguageForm(instance=request.user.participant)
    return render(
        request,
        "account/meets/meets.html",
        {"firm": firm, "registrations": rows, "language_form": language_form},
    )


@require_POST
@participant_page
def language(request):
    form = LanguageForm(request.POST, instance=request.user.participant)
    if form.is_valid():
        form.save()
        messages.success(request, _("The portal will write to you in this language."))
    else:
        messages.error(request, _("Choose one of the portal's languages."))
    return redirect("meets:meets")


@participant_page
def register(request, slug):
    # A draft is no one's business but its officials': not found.
    event = get_object_or_404(Event.objects.published(), slug=slug)
    reg_settings = registrations.settings_of(event)
    if reg_settings is None:
        raise Http404
    firm = registrations.firm_of(request.user)
    if firm is None:
        messages.info(
            request, _("Say which firm you act for first: it is the firm that registers.")
        )
        return redirect("firm:firm")
    problems = {
        kind: registrations.eligibility_problems(reg_settings, firm, kind)
        for kind in reg_settings.kinds
    }
    form = RegistrationForm(
        request.POST or None,
        request.FILES or None,
        initial={"firm": firm},
        reg_settings=reg_settings,
        questions=list(RegistrationQuestion.objects.filter(event=event)),
        kinds=[kind for kind, its_problems in problems.items() if not its_problems],
    )
    if form.is_valid():
        try:
            registration = registrations.register(
                request.user,
                event,
                form.cleaned_data["firm"],
                form.cleaned_data["kind"],
                answers=form.answers,
                document=form.cleaned_data.get("document"),
            )
        except registrations.Refused as refusal:
            form.add_error(None, refusal.message)
        except IntegrityError:
            # Its checks passed, but the same firm's registration sent at the
            # same moment was written first.
            form.add_error(None, _("Your firm is registered for this event already."))
        else:
            messages.success(request, REGISTERED[registration.status])
            return redirect("meets:meets")
    return render(
        request,
        "account/meets/register.html",
        {
            "event": event,
            "firm": firm,
            "form": form,
            "reg_settings": reg_settings,
            "open": registrations.is_open(reg_settings),
            "places_left": registrations.places_left(reg_settings),
            "problems": problems,
        },
    )


def own_registration(request, pk):
    """A registration the user made; anyone else's, or a made-up number, is a 404."""
    return get_object_or_404(Registration, pk=pk, user=request.user)


@require_POST
@participant_page
def cancel(request, pk):
    return act(
        request,
        registrations.cancel,
        own_registration(request, pk),
        _("Your registration is cancelled."),
    )


@require_POST
@participant_page
def accept(request, pk):
    return act(
        request,
        registrations.accept_offer,
        own_registration(request, pk),
        _("You have taken up the place."),
    )


def act(request, change, registration, done):
    try:
        change(registration)
    except registrations.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect("meets:meets")


@participant_page
def my_data(request):
    """Everything the portal keeps of the participant, as JSON to download."""
    response = JsonResponse(
        personal_data.export(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@participant_page
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if form.is_valid():
        personal_data.delete_account(request.user)
        messages.success(request, _("Your account is deleted. Your firm stays on the portal."))
        return redirect("events:home")
    return render(request, "account/meets/delete.html", {"form": form})
