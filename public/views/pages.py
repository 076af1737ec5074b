"""The portal's own pages, as India's Guidelines for Indian Government Websites
(GIGW 3.0) ask: an accessibility statement, and a contact page with a
feedback form."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from public.forms import FeedbackForm

# When the accessibility statement was prepared or last reviewed: change it
# with the statement.
STATEMENT_REVIEWED = datetime.date(2026, 11, 22)


def accessibility(request):
    return render(
        request,
        "pages/accessibility.html",
        {"reviewed": STATEMENT_REVIEWED, "last_updated": STATEMENT_REVIEWED},
    )


def contact(request):
    """The feedback form; after a successful post, back to the empty form (POST-redirect-GET)."""
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            feedback = form.save(commit=False)
            feedback.language = get_language()
            feedback.save()
            messages.success(request, _("Thank you: we have received your message."))
            return redirect("pages:contact")
    else:
        # "Report a problem with this page" links name the page in `?page=`.
        form = FeedbackForm(initial={"page": request.GET.get("page", "")[:500]})
    return render(request, "pages/contact.html", {"form": form})
