from django.urls import path

from public.views import b2b, meets

app_name = "meets"

urlpatterns = [
    path("", meets.meets, name="meets"),
    path("register/<slug:slug>/", meets.register, name="register"),
    path("<int:pk>/cancel/", meets.cancel, name="cancel"),
    path("<int:pk>/accept/", meets.accept, name="accept"),
    path("language/", meets.language, name="language"),
    path("<slug:slug>/b2b/", b2b.catalogue, name="b2b"),
    path("<slug:slug>/b2b/request/<int:pk>/", b2b.request_meeting, name="b2b-request"),
    path("<slug:slug>/b2b/requests/", b2b.meeting_requests, name="b2b-requests"),
    path("<slug:slug>/b2b/agenda/", b2b.agenda, name="b2b-agenda"),
    path("<slug:slug>/b2b/agenda/time-zone/", b2b.time_zone, name="b2b-time-zone"),
    path("<slug:slug>/b2b/agenda.pdf", b2b.agenda_pdf, name="b2b-agenda-pdf"),
    path("<slug:slug>/b2b/availability/", b2b.availability, name="b2b-availability"),
    path("<slug:slug>/b2b/requests/<int:pk>/answer/", b2b.answer, name="b2b-answer"),
    path("<slug:slug>/b2b/requests/<int:pk>/withdraw/", b2b.withdraw, name="b2b-withdraw"),
    path("<slug:slug>/b2b/requests/<int:pk>/book/", b2b.book_slot, name="b2b-book"),
    path("my-data.json", meets.my_data, name="my-data"),
    path("delete-account/", meets.delete_account, name="delete-account"),
]
