from django.urls import path

from public.views import meets

app_name = "meets"

urlpatterns = [
    path("", meets.meets, name="meets"),
    path("register/<slug:slug>/", meets.register, name="register"),
    path("<int:pk>/cancel/", meets.cancel, name="cancel"),
    path("<int:pk>/accept/", meets.accept, name="accept"),
    path("language/", meets.language, name="language"),
    path("my-data.json", meets.my_data, name="my-data"),
    path("delete-account/", meets.delete_account, name="delete-account"),
]
