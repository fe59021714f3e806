"""The demo accounts: passwords from the environment or generated once, users made or reset to them."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model


def demo_password(variable, filename):
    """The password from the environment variable, else one generated once and kept in var/<filename>."""
    password = os.environ.get(variable)
    if password:
        return password
    password_file = settings.VAR_DIR / filename
    if password_file.exists():
        return password_file.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    password_file.parent.mkdir(parents=True, exist_ok=True)
    password_file.write_text(password + "\n", encoding="utf-8")
    password_file.chmod(0o600)
    return password


def ensure_user(username, password, superuser=False):
    """The user exists with this password and these rights; a second run changes nothing."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"is_staff": superuser, "is_superuser": superuser, "email": f"{username}@example.cz"},
    )
    if created or not user.check_password(password) or user.is_superuser != superuser or not user.is_active:
        user.set_password(password)
        user.is_staff = user.is_superuser = superuser
        user.is_active = True
        user.save()
    return user
