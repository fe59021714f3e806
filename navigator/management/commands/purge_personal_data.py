from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from navigator import retention


class Command(BaseCommand):
    help = (
        "Deletes records that may hold personal data once they are older than their period (settings.RETENTION_DAYS, "
        "SESSION_COOKIE_AGE) and says how many of each it deleted. Safe to repeat; meant for a daily cron job, e.g. "
        "`15 3 * * * cd /srv/navigator && .venv/bin/python manage.py purge_personal_data`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", action="append", metavar="KEY",
                            help="Purge only this kind of record (repeatable); the keys are listed by --list.")
        parser.add_argument("--list", action="store_true", dest="show_list",
                            help="List the kinds of records and their periods.")

    def handle(self, *args, only=None, show_list=False, **options):
        if show_list:
            for record in retention.records():
                self.stdout.write(f"{record.key}: {record.days} days – {record.label}")
            return
        known = {record.key for record in retention.records()}
        unknown = sorted(set(only or ()) - known)
        if unknown:
            raise CommandError(f"Unknown kind of record: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.")
        with transaction.atomic():
            done = retention.purge(keys=set(only) if only else None)
        for record, count in done:
            self.stdout.write(f"{record.key}: {count} deleted (older than {record.days} days)")
        total = sum(count for _record, count in done)
        self.stdout.write(self.style.SUCCESS(f"Personal data purged: {total} records in total."))
