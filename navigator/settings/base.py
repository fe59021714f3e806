"""Settings shared by every environment; each value can be set from the environment."""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("NAVIGATOR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def site_url(url):
    """A public address as SITE_URL wants it: http(s)://host[:port], without a path or a trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path.strip("/") or parts.query:
        raise ImproperlyConfigured(f"SITE_URL must be like https://navigator.example.cz (got {url!r}).")
    return f"{parts.scheme}://{parts.netloc}"


def cache_from_url(url):
    """One of Django's cache backends from a URL: redis://, rediss://, db://<table>, file:///<folder> or locmem://."""
    parts = urlsplit(url)
    if parts.scheme in {"redis", "rediss", "unix"}:
        # Fails open: with Redis down pages are answered uncached (navigator/cache.py).
        return {"BACKEND": "navigator.cache.ResilientRedisCache", "LOCATION": url}
    # Kept pages and Wagtail's own entries; these caches delete a third of them when they grow past this.
    bounded = {"OPTIONS": {"MAX_ENTRIES": 5000}}
    if parts.scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": parts.netloc or "navigator_cache",
                **bounded}
    if parts.scheme == "file":
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": parts.path, **bounded}
    if parts.scheme == "locmem":
        # One process only: fine for a single runserver, wrong for gunicorn's workers (see the page cache).
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": parts.netloc}
    raise ImproperlyConfigured(f"CACHE_URL: unknown cache {parts.scheme!r}; use redis://, db://, file:// or locmem://")


INSTALLED_APPS = [
    "axes",
    "situations",
    "services",
    "search",
    "frontdesk",
    "editorial",
    "content_health",
    "feedback",
    "booking",
    "opendata",
    "legal",
    "navigator",
    "navigator.demo",
    "languages",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says when a task started with humanize's naturaltime ("před minutou"); installed so that
    # its Czech catalog is loaded, without it editors read "a minute ago".
    "django.contrib.humanize",
    # The queue of background tasks when TASKS_BACKEND=database (its table exists either way).
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads cookies: a kept page is answered without touching the session or the user.
    "navigator.pagecache.PageCacheMiddleware",
    # What a render the page cache may keep reads of the site and its settings, kept per content version.
    "navigator.routing.KeptFrameMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the public pages comes from their address (/en/, /uk/, Czech without a prefix), never from
    # the browser: see languages.middleware.
    "languages.middleware.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees every login attempt the views above it let through.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "navigator.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "navigator.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'navigator.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Every transaction takes SQLite's write lock when it begins, so two that read and then write (booking the
    # last place of a slot) wait for each other instead of failing on upgrade; waiting is bounded by timeout.
    # Write-ahead logging lets readers go on while one writes, and with synchronous=NORMAL a commit (a kept page,
    # a counted search) is not an fsync: a power cut may lose the last commits, never corrupt the database.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE", "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache is shared by every worker process, because the page cache (navigator/pagecache.py) keeps whole pages
# in it and must drop them everywhere on the next request after a publish: by default a table in the site's
# database (made by `migrate`), so it needs nothing else and is shared by every server on that database; with
# CACHE_URL or REDIS_URL, Redis.
CACHE_TABLE = "navigator_cache"
CACHES = {
    "default": {
        **cache_from_url(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or f"db://{CACHE_TABLE}"),
        "KEY_PREFIX": "navigator",
    }
}
# The longest a whole page is kept, in seconds (0 switches the page cache off); well under a day, the lifetime
# of the feedback form's token that a kept page carries.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(60 * 60)))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "cs"
# The public site's languages, each named in itself; Czech is the default and its addresses carry no prefix.
LANGUAGES = [("cs", "Čeština"), ("en", "English"), ("uk", "Українська")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("cs", "Čeština"), ("en", "English")]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True
# The project's Czech (locale/cs/LC_MESSAGES: django.po, djangojs.po), looked up before the apps' own catalogs:
# the site's plural forms and the admin's messages Wagtail ships in English only. Wagtail's /admin/jsi18n/ merges
# djangojs.po into the admin's JavaScript catalog.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them ("1. 7. 2026", "1 July 2026", "1 липня 2026 р."): see navigator/formats.
FORMAT_MODULE_PATH = ["navigator.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/gov", BASE_DIR / "node_modules" / "@gov-design-system-ce"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Životní situace – Úřad městské části Praha 99"
# The site's public address (scheme, host and port, no path): every absolute link the site hands out starts with
# it, whatever Host header a request came with (sitemap, API, QR codes, calendar files, open data, e-mails), and
# the default Wagtail site is kept at the same host and port (navigator.address). `make run` and `make dev` serve
# http://127.0.0.1:8000; production's default is https:// and the first of ALLOWED_HOSTS.
SITE_URL = site_url(os.environ.get("SITE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.login.EditorLoginForm"
WAGTAILAPI_BASE_URL = SITE_URL
# One page tree per language, linked by translation key; wagtail-localize keeps the translations (languages/).
WAGTAIL_I18N_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods"]

# The public search (search/backends/): which engine answers, and each engine's options, in one place.
SEARCH = {
    "BACKEND": os.environ.get("SEARCH_BACKEND", "database"),  # "database" or "elasticsearch"
    "ELASTICSEARCH": {
        "URL": os.environ.get("ELASTICSEARCH_URL", ""),
        "ALIAS": "navigator-search",  # searches and writes go through it; each rebuild makes a new index
        "SHARDS": 1,
        "REPLICAS": int(os.environ.get("ELASTICSEARCH_REPLICAS", "0")),
        "TIMEOUT": 1.0,  # seconds a citizen waits for a search before the database answers instead
        "WRITE_TIMEOUT": 10.0,  # an index update after a publish (bulk)
        "REBUILD_TIMEOUT": 120.0,  # each request of `manage.py search_index rebuild`
        "WRITE_RETRIES": 3,  # a bulk write rejected with 429 (queue full, circuit breaker) is tried again
        "RETRY_BACKOFF": 1.0,  # seconds before the first retry, doubled each time
    },
}

# Background tasks (django-tasks): the search index update after a publish (search.indexing), Wagtail's own
# reference index and search updates. "immediate" (the default, `make run`, tests) runs each one inline when it
# is enqueued, after the publish commits; "database" keeps them in a table for `manage.py db_worker`, a process of
# its own (or several, on any server), so an editor's publish does not wait for the index.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
try:
    TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}
except KeyError:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of: {', '.join(TASKS_BACKENDS)}") from None

CATALOG_PAGE_SIZE = 20

# Open data (opendata/): stable URIs of the catalog's things are built on this address, never on the host a
# request came to, so they stay the same in every export; set it to the site's public address once, for good.
OPEN_DATA_BASE_URI = os.environ.get("OPEN_DATA_BASE_URI", "https://praha99.example.cz").rstrip("/")
# The area the office serves, named in the schema.org description of every service and situation page.
OPEN_DATA_AREA = os.environ.get("OPEN_DATA_AREA", "Městská část Praha 99")
# The same area as RÚIAN units (space-separated IRIs), the spatial coverage the national catalogue (NKOD)
# harvests. The demo district does not exist, so the demo default is the capital it would belong to, Prague;
# a real district sets its own unit, e.g. https://linked.cuzk.cz/resource/ruian/momc/500054 (Praha 1).
OPEN_DATA_RUIAN = os.environ.get("OPEN_DATA_RUIAN", "https://linked.cuzk.cz/resource/ruian/obec/554782").split()
# The office's identifier in the public-administration register (RPP, "identifikátor OVM", usually its IČO):
# the publisher of the open data as NKOD knows it. The demo default 99999999 is deliberately no valid IČO (its
# check digit is wrong), so demo data can never be attributed to a real office.
OPEN_DATA_PUBLISHER = os.environ.get("OPEN_DATA_PUBLISHER", "99999999")
# Wagtail's read-only API at /api/v2/: at most this many items a page (?limit=).
WAGTAILAPI_LIMIT_MAX = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action and every background task at INFO: too loud for bulk loads.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Outgoing mail (feedback to departments, booking confirmations and reminders) goes through this SMTP server;
# `make run` (dev) writes .eml files to var/mail/ instead and tests keep mails in memory, unless EMAIL_BACKEND
# says otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "navigator@localhost")

# Booking a time at a counter (booking/): upcoming bookings one e-mail may hold per service, and how many
# booking attempts one client may make in a period (requests, seconds).
BOOKING_ACTIVE_LIMIT = int(os.environ.get("BOOKING_ACTIVE_LIMIT", "2"))
BOOKING_RATE_LIMIT = (int(os.environ.get("BOOKING_RATE_LIMIT", "10")), 60 * 60)


# How many days each kind of record that may hold personal data is kept (navigator/retention.py): `manage.py
# purge_personal_data` deletes (or anonymises) older ones and the privacy notice states the same periods. Each can be
# set from the environment, e.g. RETENTION_FEEDBACK_COMMENTS_DAYS=180 (bookings: BOOKING_RETENTION_DAYS). Sessions
# end after SESSION_COOKIE_AGE and are deleted then.
PERSONAL_DATA_RETENTION_DEFAULT_DAYS = {
    "booking": 30,  # after the appointment: name, e-mail and phone; the rest stays for the report and open data
    "feedback-comments": 365,  # a year of comments on what was unclear; the yes/no counts stay, without them
    "search-queries": 400,  # weekly counts of searches: a year and a season to compare with
    "opened-results": 400,
    "login-attempts": 90,  # django-axes: failed and successful sign-ins with address and browser
}
PERSONAL_DATA_RETENTION_DAYS = {
    key: int(os.environ.get("BOOKING_RETENTION_DAYS" if key == "booking"
                            else f"RETENTION_{key.upper().replace('-', '_')}_DAYS", days))
    for key, days in PERSONAL_DATA_RETENTION_DEFAULT_DAYS.items()
}
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 60 * 60)))

# Security: a Content-Security-Policy for the public site (scripts only from our own files, never inline) and
# rate-limited logins. Wagtail's admin brings its own scripts and is left out of the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one user name from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
# The client's address for the login lock and the feedback rate limit: REMOTE_ADDR, or behind this many
# reverse proxies the one they put into X-Forwarded-For (navigator/client.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "navigator.client.client_address"
