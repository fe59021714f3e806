import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from frontdesk.access import clerk_group

CLERK_USERNAME = "prepazka"


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


class Command(BaseCommand):
    help = (
        "Makes sure the demo administrator and the demo front-desk clerk exist. The administrator's username "
        "and password come from DEMO_ADMIN_USERNAME and DEMO_ADMIN_PASSWORD, the clerk's (username prepazka) "
        "password from DEMO_CLERK_PASSWORD; a password not given is generated once and kept in "
        "var/demo-admin-password.txt or var/demo-clerk-password.txt."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = demo_password("DEMO_ADMIN_PASSWORD", "demo-admin-password.txt")
        ensure_user(username, password, superuser=True)
        self.stdout.write(self.style.SUCCESS(
            f"Demo admin: http://127.0.0.1:8000/admin/  username: {username}  password: {password}"
        ))

        clerk_password = demo_password("DEMO_CLERK_PASSWORD", "demo-clerk-password.txt")
        clerk = ensure_user(CLERK_USERNAME, clerk_password)
        clerk.groups.add(clerk_group())
        self.stdout.write(self.style.SUCCESS(
            f"Demo clerk: http://127.0.0.1:8000/prepazka/  username: {CLERK_USERNAME}  "
            f"password: {clerk_password}"
        ))
