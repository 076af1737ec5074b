"""The rows an "export selected" admin action chose, kept for a background job
(backoffice.jobs) and chosen again, through the asker's scope, when it runs.

A job keeps what the admin itself went by (ModelAdmin.response_action): the
changelist's query string (its filters and search) and, unless "select all"
was used, the ticked primary keys. The worker rebuilds the changelist for
the asker and takes the same rows. The keys of a "select all" are not kept:
the 100,000 of a big list are 690 to 900 KB of JSON in the job's row, read
again with it, and 100,000 parameters of one IN, more than SQLite takes;
ticked keys number one page of the list at most (`list_max_show_all`).
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from access.scope import UserScope
from portal import jobs


def exporter_class(modeladmin):
    """The ModelAdmin's own report of its records (its `exporter`)."""
    exporter = getattr(modeladmin, "exporter", None)
    if exporter is None or exporter.model is not modeladmin.model:
        raise ImproperlyConfigured(
            f"{type(modeladmin).__name__} offers export actions: name its exporter "
            f"(an exporter of {modeladmin.model.__name__} records)."
        )
    return exporter


def kept(modeladmin, request):
    """What identifies the action's selection, for Job.params."""
    changelist = request.GET.copy()
    # The rows do not depend on the page shown, and a page gone by the time
    # the job runs would make the changelist refuse its parameters.
    changelist.pop(PAGE_VAR, None)
    selection = {"model": modeladmin.model._meta.label_lower, "changelist": changelist.urlencode()}
    if request.POST.get("select_across") != "1":
        selection["pks"] = request.POST.getlist(ACTION_CHECKBOX_NAME)
    return selection


def exporter(selection, user):
    """The ModelAdmin's exporter of the rows `selection` (from `kept`) names, for `user`."""
    modeladmin = admin.site.get_model_admin(apps.get_model(selection["model"]))
    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(selection["changelist"])
    request.user = user
    try:
        # The admin's own path: its get_queryset holds to the user's scope.
        rows = modeladmin.get_changelist_instance(request).get_queryset(request)
    except IncorrectLookupParameters as error:
        message = _("The list's filters no longer apply: select the rows and export them again.")
        raise jobs.Refused([{"row": None, "column": None, "messages": [message]}]) from error
    if "pks" in selection:
        rows = rows.filter(pk__in=selection["pks"])
    return exporter_class(modeladmin)(scope=UserScope(user), within=rows)
