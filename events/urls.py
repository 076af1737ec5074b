from django.urls import path

from . import calendar, feeds, views

app_name = "events"

# Fixed paths under events/ come before events/<slug>/, which would match them.
urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="list"),
    path("mous/", views.mou_list, name="mous"),
    path("stats/", views.stats, name="stats"),
    path("events/calendar.ics", calendar.calendar_feed, name="calendar_ics"),
    path("events/feed/", feeds.EventFeed(), name="feed"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/event.ics", calendar.event_ics, name="event_ics"),
]
