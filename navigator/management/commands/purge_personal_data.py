from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from navigator import retention


class Command(BaseCommand):
    help = ("Deletes personal data kept longer than PERSONAL_DATA_RETENTION_DAYS allows, for every app that "
            "registered some (navigator.retention). Safe to repeat; run it daily from cron.")

    def handle(self, *args, **options):
        with transaction.atomic():
            results = retention.purge_all()
        for item, cutoff, count in results:
            local = timezone.localtime(cutoff)
            self.stdout.write(f"{item.key}: {count} – {item.description} "
                              f"(older than {item.days} days, before {local:%Y-%m-%d %H:%M})")
        if not results:
            self.stdout.write("Nothing is registered for purging.")
