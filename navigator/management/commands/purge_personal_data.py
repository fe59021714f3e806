from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from navigator import retention


class Command(BaseCommand):
    help = (
        "Deletes personal data kept longer than PERSONAL_DATA_RETENTION_DAYS (sessions: SESSION_COOKIE_AGE) allows, "
        "for every app that registered some (navigator.retention), and says how many records of each kind. Safe to "
        "repeat; run it daily from cron, e.g. "
        "`15 3 * * * cd /srv/navigator && .venv/bin/python manage.py purge_personal_data`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--only", action="append", metavar="KEY",
                            help="Purge only this kind of record (repeatable); the keys are listed by --list.")
        parser.add_argument("--list", action="store_true", dest="show_list",
                            help="List the kinds of records and their periods.")

    def handle(self, *args, only=None, show_list=False, **options):
        if show_list:
            for item in retention.registered():
                self.stdout.write(f"{item.key}: {item.days} days – {item.description}")
            return
        known = {item.key for item in retention.registered()}
        unknown = sorted(set(only or ()) - known)
        if unknown:
            raise CommandError(f"Unknown kind of record: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.")
        with transaction.atomic():
            results = retention.purge_all(keys=set(only) if only else None)
        for item, cutoff, count in results:
            local = timezone.localtime(cutoff)
            self.stdout.write(f"{item.key}: {count} – {item.description} "
                              f"(older than {item.days} days, before {local:%Y-%m-%d %H:%M})")
        if not results:
            self.stdout.write("Nothing is registered for purging.")
        total = sum(count for _item, _cutoff, count in results)
        self.stdout.write(self.style.SUCCESS(f"Personal data purged: {total} records in total."))
