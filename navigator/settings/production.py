"""Production: everything secret or site-specific comes from the environment, or the site will not start.

`make run` serves these same settings on this machine over plain HTTP with LOCAL_HTTP=1, which leaves out only
what needs TLS (the HTTPS redirect, HSTS, cookies sent over HTTPS only) and is refused for any host name that is
not this machine's: it cannot weaken a public server.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

from . import secret
from .base import *  # noqa: F401,F403
from .base import env_bool, env_list, site_url

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and os.environ.get("SECRET_KEY_FILE"):
    SECRET_KEY = secret.read(os.environ["SECRET_KEY_FILE"])
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE): production refuses to start without a "
                               "secret key.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names) for production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def is_loopback(host):
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


LOCAL_HTTP = env_bool("LOCAL_HTTP")
if LOCAL_HTTP and not all(is_loopback(host) for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured("LOCAL_HTTP serves plain HTTP on this machine only: ALLOWED_HOSTS may name only "
                               "localhost, 127.0.0.1 or ::1.")

SITE_URL = site_url(os.environ.get("SITE_URL") or ("http://127.0.0.1:8000" if LOCAL_HTTP
                                                    else f"https://{ALLOWED_HOSTS[0]}"))
if not LOCAL_HTTP and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("SITE_URL must start with https:// in production.")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not LOCAL_HTTP
# A load balancer checks the workers over plain HTTP, without the proxy's header: a redirect would read as
# "down". The check answers "ok" and nothing else, so it loses nothing by skipping the redirect.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 0 if LOCAL_HTTP else int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not LOCAL_HTTP
CSRF_COOKIE_SECURE = not LOCAL_HTTP
X_FRAME_OPTIONS = "DENY"
