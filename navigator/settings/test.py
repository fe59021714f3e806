"""Tests: fast password hashing, static files served from the source folders."""

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Mails stay in memory, also in the gunicorn process of the browser tests: tests never reach a mail server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
