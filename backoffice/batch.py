"""Admin pages that write several records at once rewrite the summaries once.

An MoU saved with five parties, an event with its organisers and MoUs, a
bulk action or a delete with what goes with it would otherwise rewrite the
summaries (events.summaries) after each record: the MoU register's counts
alone cost a tenth of a second a time.
"""

from contextlib import contextmanager

from django.db import router, transaction

from events import summaries


class SummariesOnceAdmin:
    """A ModelAdmin whose add, change, list (actions) and delete pages batch
    their summary rewrites when posted, inside the page's transaction."""

    @contextmanager
    def _summaries_once(self, request):
        if request.method != "POST":  # a page shown writes nothing
            yield
            return
        # The transaction outside the batch: the rewrite at its end is part of it.
        with transaction.atomic(using=router.db_for_write(self.model)), summaries.batch():
            yield

    def changeform_view(self, request, *args, **kwargs):
        with self._summaries_once(request):
            return super().changeform_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        with self._summaries_once(request):
            return super().changelist_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with self._summaries_once(request):
            return super().delete_view(request, *args, **kwargs)
