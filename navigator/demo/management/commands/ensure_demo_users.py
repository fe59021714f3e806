import os

from django.core.management.base import BaseCommand

from editorial.demo import ensure_demo_editors
from frontdesk.access import clerk_group
from navigator.address import absolute
from navigator.demo.accounts import demo_password, ensure_user

CLERK_USERNAME = "prepazka"


class Command(BaseCommand):
    help = (
        "Makes sure the demo administrator, the demo front-desk clerk and the demo departments' editors and "
        "approvers exist. The administrator's username and password come from DEMO_ADMIN_USERNAME and "
        "DEMO_ADMIN_PASSWORD, the clerk's (username prepazka) password from DEMO_CLERK_PASSWORD, the editors' and "
        "approvers' from DEMO_EDITORS_PASSWORD; a password not given is generated once and kept in "
        "var/demo-<username>-password.txt (var/demo-admin-password.txt, var/demo-clerk-password.txt)."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = demo_password("DEMO_ADMIN_PASSWORD", "demo-admin-password.txt")
        ensure_user(username, password, superuser=True)
        self.stdout.write(self.style.SUCCESS(
            f"Demo admin: {absolute('/admin/')}  username: {username}  password: {password}"
        ))

        clerk_password = demo_password("DEMO_CLERK_PASSWORD", "demo-clerk-password.txt")
        clerk = ensure_user(CLERK_USERNAME, clerk_password)
        clerk.groups.add(clerk_group())
        self.stdout.write(self.style.SUCCESS(
            f"Demo clerk: {absolute('/prepazka/')}  username: {CLERK_USERNAME}  "
            f"password: {clerk_password}"
        ))

        for account in ensure_demo_editors():
            self.stdout.write(self.style.SUCCESS(
                f"Demo {account.role_label} ({account.department}): {absolute('/admin/')}  "
                f"username: {account.username}  password: {account.password}"
            ))
