import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Makes sure the demo administrator exists. Username and password come from DEMO_ADMIN_USERNAME and "
        "DEMO_ADMIN_PASSWORD, or a password is generated once and kept in var/demo-admin-password.txt."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        password_file = settings.VAR_DIR / "demo-admin-password.txt"
        if not password:
            if password_file.exists():
                password = password_file.read_text(encoding="utf-8").strip()
            else:
                password = secrets.token_urlsafe(12)
                password_file.parent.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n", encoding="utf-8")
                password_file.chmod(0o600)

        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True, "email": f"{username}@example.cz"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        self.stdout.write(self.style.SUCCESS(
            f"Demo admin: http://127.0.0.1:8000/admin/  username: {username}  password: {password}"
        ))
