"""The error pages.

Django's own error views first make sure of a CSRF token, which for a POST
reads the posted form again; a form Django refused to read (one declared in
a character set other than UTF-8, or with too many fields) then failed a
second time in the 400 view and again in the 500 view, and the visitor got
the server's bare error page. These views never read the request's body.
"""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: whatever failed (the database, a context processor)
    # must not fail again here.
    return HttpResponseServerError(loader.get_template("500.html").render())
