"""Local development: debug on, a fixed throw-away secret key, the embedded SQLite database."""

import os

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Every outgoing mail becomes an .eml file in var/mail/ (EMAIL_FILE_PATH) that any mail program opens.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "navigator.mail.EmlFileBackend")
# Serve static files straight from the source folders, so DEBUG=0 runs need no collectstatic.
WHITENOISE_USE_FINDERS = True
