"""The MoU register: one row per MoU."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.reports.exporter import joined

from ..models import Event, MoU, MoUParty
from .filters import EventsExporter


class MoURegister(EventsExporter):
    """Parties, event, date, status and value; the period is the signing date."""

    slug = "mous"
    verbose_name = gettext_lazy("MoU register")
    model = MoU

    def queryset(self):
        mous = self.records()
        if self.filters.on_events or self.filters.region:
            mous = mous.filter(event__in=self.filters.events(self.read(Event)))
        if self.filters.date_from:
            mous = mous.filter(signed_on__gte=self.filters.date_from)
        if self.filters.date_to:
            mous = mous.filter(signed_on__lte=self.filters.date_to)
        parties = self.read(MoUParty).select_related("organisation")
        return mous.select_related("event").prefetch_related(
            Prefetch("party_links", queryset=parties)
        )

    def header(self):
        return [
            _("Title"),
            _("Parties"),
            _("Signed at event"),
            _("Signed on"),
            _("Status"),
            _("Value"),
            _("Currency"),
            _("Purpose"),
        ]

    def rows(self):
        for mou in self.queryset().iterator(chunk_size=2000):
            yield (
                mou.title,
                joined(link.organisation for link in mou.party_links.all()),
                mou.event.title if mou.event else "",
                mou.signed_on,
                mou.get_status_display(),
                mou.value,
                mou.currency,
                mou.purpose,
            )
