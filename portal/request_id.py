"""A request id on every log record and in every answer's X-Request-ID header.

nginx gives each request an id (deploy/nginx/portal.conf) and passes it on, so
that its access log, the portal's log records and the visitor's report of a
failure ("X-Request-ID: ...") name the same request. Without nginx in front
(development, tests) the portal makes one.
"""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# An id someone else made is kept only if it looks like one: it goes into
# log lines and a header, where control characters or a megabyte would harm.
_ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")

_current = ContextVar("request_id", default="-")


def current_request_id():
    """The id of the request being answered by this thread, '-' outside a request."""
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request_id = given if _ACCEPTED.fullmatch(given) else uuid.uuid4().hex
        request.id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter:
    """Logging filter: puts the current request's id on each record (settings.LOGGING)."""

    def filter(self, record):
        # Django logs a request's 4xx and 5xx answers after the middleware has
        # returned, with the request on the record.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or current_request_id()
        return True
