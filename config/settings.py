"""Settings for the export-promotion portal, read from the environment.

Development defaults are safe only with DEBUG on; with DEBUG off the secret
key, the allowed hosts and the database must be given.
"""

import base64
import hashlib
import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_HASHES
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def meta_key(header):
    """Where Django keeps an HTTP header in request.META: X-Real-IP is HTTP_X_REAL_IP."""
    return "HTTP_" + header.strip().upper().replace("-", "_")


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 to develop).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment when DEBUG is off.")
# The portal's own address, for links in mails the worker sends with no
# request to read it from (a registration's news, a reminder).
PORTAL_URL = os.environ.get("PORTAL_URL", "http://127.0.0.1:8000").rstrip("/")

if not DEBUG and not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL in the environment when DEBUG is off.")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "import_export",
    "simple_history",
    "access.logins.LoginRecordsConfig",  # django-axes
    "csp",
    # Prometheus' metrics, at /metrics for the scraper only (public.views.site).
    "django_prometheus",
    # Public accounts for exporters and buyers (participants).
    "allauth",
    "allauth.account",
    # The layers, lowest first (docs/architecture.md): each imports only
    # those listed before it.
    "portal",
    "orgs",
    "events",
    "access",
    "participants",
    "matchmaking",
    "public",
    "backoffice",
    "devtools",
]

MIDDLEWARE = [
    # Around everything else, so that every answer is counted and timed, cached ones too.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # Every answer, cached ones too, and every log record name the request.
    "portal.request_id.RequestIdMiddleware",
    # Then: a cached public page is answered before anything else runs, and
    # kept as the other middleware left it (portal.page_cache).
    "portal.page_cache.PublicPageCacheMiddleware",
    # Before anything else reads the database (a cached page reads none):
    # whether this request reads from the read replica (portal.db_router).
    "portal.db_router.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-allauth: a sign-in left half done is not resumed by another page.
    "allauth.account.middleware.AccountMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is checked.
# Staff log in with their username at /admin/ (ModelBackend); participants with
# their e-mail on the public pages (django-allauth's backend; participants.adapter
# lets no staff in there).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# A read replica (portal.db_router): given DATABASE_REPLICA_URL, anonymous
# visitors' public pages and the API read from it, everything else from the
# primary above. A replica that does not answer within its connect_timeout
# (2 s unless the URL says) is left alone for REPLICA_RETRY_SECONDS, and
# those pages read from the primary meanwhile. In tests it is the test
# database itself (a mirror).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"]
REPLICA_RETRY_SECONDS = int(os.environ.get("REPLICA_RETRY_SECONDS", "5"))
# How far behind the primary the replica may be: the page cache counts pages
# read from it as this much older (portal.db_router, portal.page_cache).
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "2"))
# How often each process asks the replica how far behind it is: it is read
# only while that lag is below REPLICA_MAX_LAG_SECONDS by this much.
REPLICA_LAG_CHECK_SECONDS = float(os.environ.get("REPLICA_LAG_CHECK_SECONDS", "0.5"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2id at OWASP's baseline (portal/hashers.py says why); passwords stored
# with Django's PBKDF2 are still checked, and upgraded at the next login.
PASSWORD_HASHERS = [
    "portal.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        # Officials publish for a government department: a passphrase, not a word.
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the portal's four, English first. Names go through gettext so
# the language menu reads in the visitor's language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("hi", _("Hindi")),
    ("mr", _("Marathi")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
# Day-first date formats where Django's put the month first (config/formats).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Kolkata"
USE_TZ = True

# Content fields: English is the default; a record written in one language
# only is still shown (in that language) to readers of the others.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "hi", "mr", "fa")
# modeltranslation's tabbed admin loads jQuery UI from a CDN unless told
# otherwise; the admin must work on a closed network.
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Documents participants upload with a registration (an RCMC certificate,
# say): never under MEDIA_URL, served only to staff by the back-office.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))


def object_storage(*, bucket, private_bucket, endpoint_url=None, region=None, public_url=None):
    """Uploads in S3-compatible buckets (django-storages): STORAGES' three, and MEDIA_URL.

    Public files are read by visitors' browsers straight from `public_url`
    (a CDN, or the bucket's own address by default), so the public bucket
    must let anyone read its objects (a bucket policy); private ones are
    read only by the portal, with its credentials.
    """
    if not public_url:
        public_url = (
            f"{endpoint_url.rstrip('/')}/{bucket}/"
            if endpoint_url
            else f"https://{bucket}.s3.{region or 'us-east-1'}.amazonaws.com/"
        )
    public = urlsplit(public_url)
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        # Another file of the same name is stored under a new name, as on disk.
        "file_overwrite": False,
    }
    s3 = "storages.backends.s3.S3Storage"
    storages = {
        "default": {
            "BACKEND": s3,
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                # Plain addresses, the same for every visitor (and cacheable).
                "custom_domain": public.netloc + public.path.rstrip("/"),
                "url_protocol": f"{public.scheme}:",
                "querystring_auth": False,
            },
        },
        "private": {"BACKEND": s3, "OPTIONS": {**common, "bucket_name": private_bucket}},
        "jobs": {
            "BACKEND": s3,
            "OPTIONS": {**common, "bucket_name": private_bucket, "location": "jobs"},
        },
    }
    return storages, public_url


# Uploads (portal.storage): in MEDIA_ROOT and PRIVATE_MEDIA_ROOT on this
# server's disk, or, given AWS_STORAGE_BUCKET_NAME, in two buckets of
# S3-compatible object storage that every app server sees: that one for
# public files, AWS_PRIVATE_STORAGE_BUCKET_NAME for participants' documents.
# AWS_S3_ENDPOINT_URL names a service other than Amazon's (MinIO, Ceph, a
# cloud's own); MEDIA_URL, an address the public files are served from
# instead of the bucket's (a CDN). The credentials are boto3's: the
# environment's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# machine's role. "jobs": the background jobs' files (reports built,
# spreadsheets to import, portal.models.Job), shown only to whoever asked for
# them, beside participants' documents.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "portal.storage.PrivateFileSystemStorage"},
    "jobs": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / "jobs"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ORIGIN = None
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    if not os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured(
            "Set AWS_PRIVATE_STORAGE_BUCKET_NAME: participants' documents are kept apart "
            "from the public bucket."
        )
    object_storages, MEDIA_URL = object_storage(
        bucket=os.environ["AWS_STORAGE_BUCKET_NAME"],
        private_bucket=os.environ["AWS_PRIVATE_STORAGE_BUCKET_NAME"],
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        region=os.environ.get("AWS_S3_REGION_NAME") or None,
        public_url=os.environ.get("MEDIA_URL") or None,
    )
    STORAGES.update(object_storages)
    # Pictures are shown from there: the Content Security Policy allows it.
    MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL))

# Server errors and warnings go to the process's stderr (gunicorn's log, the
# journal under systemd), with DEBUG off too: Django's default would only mail
# them to ADMINS, who are unset. One JSON object a line (python-json-logger),
# for a log collector to read without guessing, each with the id of the
# request it came from (portal.request_id), as nginx's access log has it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# History pages are for reading: a revert would bypass the checks a save goes
# through (scope, optimistic locking).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Imports (django-import-export) run in one transaction: one bad row, nothing written.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Uploads larger than this are refused by the forms that accept them.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A form's fields, files aside, are read up to this (Django's default: 2.5 MB).
# Twice the upload limit, so that a report pasted whole into "New event from a
# report" is refused on its form, in the official's language, when too long,
# rather than by a "bad request" page.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * MAX_UPLOAD_BYTES

# Security. Production (DEBUG off) is HTTPS only; development stays on plain
# http://127.0.0.1, where secure cookies would never be sent back.
# `manage.py check --deploy` passes with DEBUG off (tests/config/test_security.py).

# A TLS-terminating proxy in front of the portal names the header in which it
# says the visitor came over HTTPS, e.g. SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto
# (value "https"). Only set it when the proxy always sets or strips that header,
# or a visitor could claim HTTPS over plain http.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (meta_key(os.environ["SECURE_PROXY_SSL_HEADER"]), "https")
# The proxy may redirect http to https itself; SECURE_SSL_REDIRECT=0 then spares the hop.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe instances over plain http and take a redirect for a failure.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
# A year, subdomains included, and eligible for the browsers' preload lists:
# once a browser has seen the portal over HTTPS it never tries http again.
# Sent only on HTTPS responses, so never in development.
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
# No page of the portal is meant to be framed (clickjacking), no response
# sniffed as another type, and no address, with its filters or the admin's
# record ids, told to other sites.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy (django-csp), in development too so that the browser
# tests see what production would refuse. Scripts only from the portal's own
# files: no inline script, no eval (a JSON-LD data block is not a script and
# needs nothing). Everything, fonts and jQuery UI included, is served from
# static/ or media/, so nothing is allowed from other hosts, but for the
# pictures of object storage's address when uploads are kept there.
#
# Styles: no inline style either, except these exact style attributes of the
# libraries' admin pages, allowed by their hash ('unsafe-hashes' lets a hash
# match an attribute); a change to any of them is refused, not let through.
ADMIN_STYLE_ATTRIBUTES = [
    # django-import-export's preview: the new and the old values
    # (diff-match-patch's diff_prettyHtml).
    "background:#e6ffe6;",
    "background:#ffe6e6;",
    # django-simple-history's change history, under its table.
    "border-top: 0",
]


def csp_hash(source):
    """The CSP source that allows exactly this inline text: 'sha256-<base64 digest>'."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()}'"


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        # Images, fonts, fetches: the portal's own (logos and covers from media/,
        # or from the object storage's address).
        "default-src": [SELF],
        **({"img-src": [SELF, MEDIA_ORIGIN]} if MEDIA_ORIGIN else {}),
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_HASHES, *map(csp_hash, ADMIN_STYLE_ATTRIBUTES)],
        "object-src": [NONE],
        # These three do not fall back to default-src.
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": not DEBUG,
    },
}

# Staff sessions: a back-office left open on a shared office computer must not
# stay signed in. Two hours without a request ends the session (saving it on
# each request makes the age an idle time, so a working official is never
# interrupted; only sessions with something in them, i.e. signed-in staff,
# are written), and closing the browser ends it too.
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes). Five failed logins lock the account, and
# separately the address they came from, for 30 minutes (each further failure
# restarts the wait); a successful login clears the count. Locking the account
# stops guessing spread over many addresses, at the price that someone can
# keep an official out for a while: an administrator can lift a lock in
# "Access attempts".
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# (django-axes' default, which the lockout page tells the official.)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# Our page in the official's language (status 429), not the library's English line.
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
# The back-office's logins only (the public accounts have their own limits).
AXES_WHITELIST_CALLABLE = "access.logins.outside_the_back_office"

# The visitor's address, for the lockout. Behind a reverse proxy REMOTE_ADDR is
# the proxy's own, so CLIENT_IP_HEADER names the header the proxy writes the
# visitor's address into: X-Real-IP (set by the proxy, replacing the
# visitor's), or X-Forwarded-For, to which each of our TRUSTED_PROXY_COUNT
# proxies appends the address it saw: the visitor's is that many from the end,
# and anything before it is whatever the visitor sent. Unset, no header is
# believed: a visitor could otherwise dodge the lock with a made-up one. Even
# set, it is believed only from TRUSTED_PROXY_NETWORKS, where our proxies
# (nginx, deploy/nginx/portal.conf) are: an app server reached some other way
# cannot be told a made-up address.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
TRUSTED_PROXY_NETWORKS = [
    ipaddress.ip_network(network)
    for network in env_list(
        "TRUSTED_PROXY_NETWORKS", "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16"
    )
]


def client_ip_address(
    request, header=CLIENT_IP_HEADER, proxies=TRUSTED_PROXY_COUNT, networks=TRUSTED_PROXY_NETWORKS
):
    """The visitor's address: from `header` as our `proxies` proxies wrote it, else REMOTE_ADDR.

    A request that did not come from one of our proxies' `networks`, or an
    entry that is not an address, falls back to REMOTE_ADDR, which no
    visitor can forge.
    """
    remote = request.META.get("REMOTE_ADDR")
    if header and _within(remote, networks):
        entries = [e.strip() for e in request.META.get(meta_key(header), "").split(",")]
        if len(entries) >= proxies > 0:
            try:
                return str(ipaddress.ip_address(entries[-proxies]))
            except ValueError:
                pass
    return remote


def _within(address, networks):
    try:
        return any(ipaddress.ip_address(address or "") in network for network in networks)
    except ValueError:
        return False


# Prometheus scrapes /metrics from these networks only, straight from the app
# server, never through nginx (public.views.site.metrics).
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")

# django-axes 8 reads the address with django-ipware only when that optional
# package is installed (it is not); this callable takes precedence either way.
AXES_CLIENT_IP_CALLABLE = client_ip_address

# The cache: Redis when REDIS_URL is set (one cache for every worker: with
# several processes, it must be set), else each process's own memory.
# Public pages are served from it for PUBLIC_PAGE_CACHE_SECONDS (0 = off, the
# default in development and tests); a change shows on the changed record's
# pages at once and on lists, feeds and totals within
# PUBLIC_LIST_REFRESH_SECONDS whatever this is (portal.page_cache).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    # The page cache's tags must not be culled with the pages (Django's
    # default keeps 300 entries).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
PUBLIC_PAGE_CACHE_SECONDS = int(
    os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "0" if DEBUG else str(10 * 60))
)
# Four seconds of grace: with the rendering, lists show a change within five.
PUBLIC_LIST_REFRESH_SECONDS = int(os.environ.get("PUBLIC_LIST_REFRESH_SECONDS", "4"))
# Each process also keeps the pages it answered last in its own memory, up to
# this much of their bodies (portal.page_cache.Memory).
PUBLIC_PAGE_MEMORY_MB = int(os.environ.get("PUBLIC_PAGE_MEMORY_MB", "32"))

# Public accounts for exporters and buyers (django-allauth, the participants
# app), under /<lang>/account/. A participant signs up with an e-mail
# address and a password, no username, and can log in only once the address
# is verified from the link mailed to it (in the language of the page they
# signed up on). A change of address keeps the old one until the new one is
# verified.
ACCOUNT_ADAPTER = "participants.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "participants.forms.SignupForm",
    "login": "participants.forms.LoginForm",
    "reset_password": "participants.forms.ResetPasswordForm",
    "add_email": "participants.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
# The link shows a page with a button: a mail scanner that opens links
# verifies nothing. Confirmed in the browser that signed up, it logs in.
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Whether an address has an account is told to no one: sign-up and password
# reset answer alike, and mail the address's owner what happened.
ACCOUNT_PREVENT_ENUMERATION = True
# A session ends when the browser closes, as staff sessions do.
ACCOUNT_SESSION_REMEMBER = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_email"
ACCOUNT_LOGOUT_REDIRECT_URL = "events:home"
# Counted per visitor's address (ip), per e-mail address (key) or per
# logged-in user (user): "5/30m/key" is five in thirty minutes for one
# e-mail address. Five wrong passwords for one e-mail address stop its
# logins for the rest of the 30 minutes, as django-axes does for the
# back-office (ten from one connection, whichever addresses, stop that
# connection's); sign-ups and reset mails are limited so that the portal
# cannot be made to mail strangers. A limit reached is said on the form
# (logins) or on a 429 page (sign-ups, reset mails).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/30m/ip,5/30m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

# The background worker (Celery, config/celery.py), with the machine's Redis
# as its broker. A task is acknowledged once it has run, not when it is
# taken, so that one whose worker dies is run again by another; each task
# is written to do its work once however often it runs (portal.tasks).
# CELERY_TASK_ALWAYS_EAGER runs tasks at once in the process that asks,
# without a broker or a worker (the tests do).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# With late acknowledgement, a worker takes one task at a time, not a batch
# that would wait behind a slow one.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_flag("CELERY_TASK_ALWAYS_EAGER")
# A request that queues a task after its commit does not wait long for a
# broker that is down (portal.mail keeps the mail for the sweep below).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# The worker's beat (`worker -B`): mails left waiting are queued again;
# offered places not taken up in time go on; reminders of meets in two days;
# the follow-up questions of held B2B meetings; scheduled reports that are due.
CELERY_BEAT_SCHEDULE = {
    "mails-left-waiting": {"task": "portal.tasks.deliver_waiting", "schedule": 5 * 60},
    "lapsed-offers": {"task": "participants.tasks.lapse_offers", "schedule": 15 * 60},
    "meet-reminders": {"task": "participants.tasks.remind_participants", "schedule": 60 * 60},
    "b2b-follow-ups": {"task": "matchmaking.tasks.mail_follow_ups", "schedule": 60 * 60},
    "scheduled-reports": {"task": "backoffice.tasks.mail_scheduled_reports", "schedule": 60 * 60},
}
CELERY_TASK_EAGER_PROPAGATES = True
# Jobs (reports, imports) have a queue of their own, taken by a worker that
# runs only on CPU time the web's requests leave idle (deploy/systemd/
# portal-jobs.service): a year's report may take minutes but never slows a
# page. Mails and the beat's tasks stay on the default queue.
JOBS_QUEUE = "jobs"
CELERY_TASK_ROUTES = {"backoffice.tasks.run_job": {"queue": JOBS_QUEUE}}
# With Redis, a task taken but not acknowledged (its worker was killed) is
# given to another worker once it is this many seconds old, found by a sweep
# every CELERY_RESTORE_INTERVAL seconds. The timeout must exceed the longest
# job (a 100,000-event PDF: about an hour on an idle core, longer when the
# jobs' worker waits for idle CPU): a job delivered again while it still
# runs waits for the first run's lock, then finds it done (portal.jobs).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", 4 * 60 * 60)),
    "unacked_restore_interval": int(os.environ.get("CELERY_RESTORE_INTERVAL", 10)),
    # Every sweep looks (kombu's default looks on every tenth).
    "unacked_restore_throttle": 1,
}
# Reports reading more records than this are built as background jobs
# (XLSX and PDF; a CSV streams), with a progress page and the file kept.
REPORT_JOB_ROWS = int(os.environ.get("REPORT_JOB_ROWS", 5000))
# A PDF sooner: some 30 rows are laid out a second, so 500 take about 15 s.
REPORT_PDF_JOB_ROWS = int(os.environ.get("REPORT_PDF_JOB_ROWS", 500))
# A PDF is laid out (WeasyPrint) this many rows at a time, each chunk alone
# in memory (portal.reports.pdf_writer): README, "Background jobs".
REPORT_PDF_CHUNK_ROWS = int(os.environ.get("REPORT_PDF_CHUNK_ROWS", 50))

# Mail (portal.mail). Given EMAIL_HOST, mail goes to that SMTP server; in
# development without one it is printed on the worker's console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST or not DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MSME export events <noreply@localhost>")

# The read-only JSON API (public.api): open data, JSON only, no sessions or
# logins (nothing there is private), every refusal as {"error": "..."}.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "public.api.views.error_as_json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MSME export events: open data",
    "DESCRIPTION": (
        "Published buyer-seller meets, workshops, review meetings and conferences, the "
        "organisations behind them and the MoUs signed, in English, Hindi, Marathi and Persian."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}
