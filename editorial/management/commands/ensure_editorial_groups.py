from django.core.management.base import BaseCommand, CommandError

from editorial.groups import ensure_editorial_groups


class Command(BaseCommand):
    help = (
        "Makes sure every department has its editors' and approvers' groups (\"<odbor> – editoři\", "
        "\"<odbor> – schvalovatelé\"), the content managers' group \"Správci obsahu\" exists, each group has its "
        "permissions and the workflow \"Schválení odborem\" covers the site. Safe to run again: it changes nothing "
        "that is already right and keeps permissions added by hand. Run it after adding a department outside the "
        "admin (the admin runs it by itself)."
    )

    def handle(self, *args, **options):
        try:
            report = ensure_editorial_groups()
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(report)))
