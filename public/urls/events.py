from django.urls import path

from portal.page_cache import cache_public_page
from public import calendar, feeds
from public.views import events as views
from public.views import series

app_name = "events"

# Fixed paths under events/ come before events/<slug>/, which would match them.
urlpatterns = [
    path("", cache_public_page(views.home), name="home"),
    path("events/", cache_public_page(views.event_list), name="list"),
    path("mous/", cache_public_page(views.mou_list), name="mous"),
    path("stats/", cache_public_page(views.stats), name="stats"),
    path("events/calendar.ics", cache_public_page(calendar.calendar_feed), name="calendar_ics"),
    path("events/feed/", cache_public_page(feeds.EventFeed()), name="feed"),
    path("events/<slug:slug>/", cache_public_page(views.event_detail, record=True), name="detail"),
    path(
        "events/<slug:slug>/event.ics",
        cache_public_page(calendar.event_ics, record=True),
        name="event_ics",
    ),
    # Not cached: the places left change with every registration.
    path("events/<slug:slug>/places/", views.places, name="places"),
    path(
        "series/<slug:slug>/", cache_public_page(series.series_detail, record=True), name="series"
    ),
    path("series/<slug:slug>/feed/", cache_public_page(feeds.SeriesFeed()), name="series_feed"),
]
