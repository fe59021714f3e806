"""Tests: fast password hashing, static files served from the source folders."""

import os

from .base import *  # noqa: F401,F403
from .base import site_url

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
# The test client asks for http://localhost/; the browser tests' site under gunicorn sets its own address.
SITE_URL = site_url(os.environ.get("SITE_URL", "http://localhost"))
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Mails stay in memory unless a test starts an SMTP server and says so: the browser tests' gunicorn site gets
# EMAIL_BACKEND, EMAIL_HOST and EMAIL_PORT of the one tests/e2e/conftest.py runs.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
