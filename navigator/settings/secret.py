"""The secret key kept in a file: made once with the system's random source, readable only by its owner.

Sessions, the feedback form's tokens and password-reset links are signed with the key, so a key anyone can read
(a default in the source) lets anyone forge them. `make run` and `make dev` keep theirs in var/secret-key, made
on the first start and read on every later one, so sessions survive a restart. Production passes its own key in
SECRET_KEY or names a file in SECRET_KEY_FILE; it never makes one, since several servers must share the same key.
"""

import os
import secrets
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def read(path):
    """The key in the file at `path`; a missing or empty file is a configuration error."""
    try:
        key = Path(path).read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(f"Cannot read the secret key from {path}: {error.strerror}.") from error
    if not key:
        raise ImproperlyConfigured(f"The secret key file {path} is empty.")
    return key


def read_or_create(path):
    """The key in the file at `path`, made first (mode 0600) when there is none."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it meanwhile: read theirs
        else:
            with os.fdopen(descriptor, "w") as file:
                file.write(secrets.token_urlsafe(50) + "\n")
    return read(path)


if __name__ == "__main__":
    # make: `python -m navigator.settings.secret var/secret-key` makes the file unless it exists.
    read_or_create(sys.argv[1])
