"""Local development (`make dev`): debug on, the embedded SQLite database, a secret key of this checkout's own."""

import os

from . import secret
from .base import *  # noqa: F401,F403
from .base import VAR_DIR, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
# Made once into var/secret-key (navigator.settings.secret): a key in the source would let anyone forge this
# instance's sessions and feedback tokens.
SECRET_KEY = os.environ.get("SECRET_KEY") or secret.read_or_create(VAR_DIR / "secret-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# Every outgoing mail becomes an .eml file in var/mail/ (EMAIL_FILE_PATH) that any mail program opens.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "navigator.mail.EmlFileBackend")
# Serve static files straight from the source folders, so DEBUG=0 runs need no collectstatic.
WHITENOISE_USE_FINDERS = True
