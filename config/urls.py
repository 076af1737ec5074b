import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from backoffice import reports as report_views
from backoffice.desk import desk
from backoffice.views import AdminJavaScriptCatalog
from portal.page_cache import cache_public_page
from public.sitemaps import SITEMAPS
from public.views import b2b as b2b_views
from public.views import site as site_views

# The back-office follows the official's language (the language menu in its
# header, else the browser's), so its URLs carry no language prefix.
urlpatterns = [
    # Ahead of the admin's own jsi18n, which reads only Django's catalogues.
    path(
        "admin/jsi18n/",
        AdminJavaScriptCatalog.as_view(packages=["django.contrib.admin"]),
        name="admin-jsi18n",
    ),
    path("admin/reports/", admin.site.admin_view(report_views.reports), name="admin-reports"),
    path("admin/b2b-desk/<int:event_id>/", admin.site.admin_view(desk), name="admin-b2b-desk"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # For crawlers, monitors and programs: one address whatever the language.
    path("sitemap.xml", cache_public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots-txt"),
    # For the machines that run the portal (README, "Production").
    path("healthz", site_views.healthz, name="healthz"),
    path("readyz", site_views.readyz, name="readyz"),
    path("metrics", site_views.metrics, name="metrics"),
    path("api/", include("public.api.urls")),
    # A firm's B2B agenda for calendar apps, which have no login: the signed
    # code in the address is the key (public.views.b2b).
    path("b2b/agenda/<str:token>.ics", b2b_views.agenda_ics, name="b2b-agenda-ics"),
]

# The public portal: every page under its language, /en/, /hi/, /mr/, /fa/.
# "/" itself is sent to the visitor's language by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("", include("public.urls.events")),
    path("organisations/", include("public.urls.organisations")),
    path("", include("public.urls.pages")),
    # Exporters' and buyers' accounts (django-allauth, participants) and their firms.
    path("account/firm/", include("public.urls.firm")),
    path("account/meets/", include("public.urls.meets")),
    # A held B2B meeting's follow-up, by the signed link mailed to each side.
    path("b2b/follow-up/<str:token>/", b2b_views.follow_up, name="b2b-follow-up"),
    path("account/", include("allauth.urls")),
)

# The bench's baseline (manage.py bench sets BENCH_HELLO=1 for its own server only).
if os.environ.get("BENCH_HELLO") == "1":
    urlpatterns.append(path("bench/hello", site_views.hello, name="bench-hello"))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

admin.site.site_header = _("MSME export events: back-office")
admin.site.site_title = _("MSME export events")
admin.site.index_title = _("Events, organisations and outcomes")

# Error pages that never read the request's body again (public.views.errors).
handler400 = "public.views.errors.bad_request"
handler403 = "public.views.errors.permission_denied"
handler404 = "public.views.errors.page_not_found"
handler500 = "public.views.errors.server_error"
