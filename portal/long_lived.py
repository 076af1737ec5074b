"""A server process's long-lived objects, kept out of the garbage collector's full passes.

By its first requests a process has loaded for good what it serves with:
modules, URL patterns, templates, translation catalogues, locale data,
hundreds of thousands of objects. Python's full collection walks every
tracked object, so each took 80 to 130 ms on the national dataset's pages
(the API's 95th percentile, 53 ms at the median, was 137 ms). After
WARM_REQUESTS requests, `gc.freeze()` moves what is there to a permanent
generation the collector no longer walks; a full pass then walks only what
requests made, as Instagram's servers do.
"""

import gc

from django.core.signals import request_finished

WARM_REQUESTS = 50

_served = 0


def freeze_when_warm(**kwargs):
    global _served
    _served += 1
    if _served == WARM_REQUESTS:
        gc.collect()  # what is garbage now is not frozen with the rest
        gc.freeze()
        request_finished.disconnect(freeze_when_warm)


def connect():
    """For a server process only (config.wsgi): a test run has no such heap."""
    request_finished.connect(freeze_when_warm)
