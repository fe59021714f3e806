from django.core.management.base import BaseCommand

from booking.reminders import send_due_reminders


class Command(BaseCommand):
    help = ("E-mails a reminder to everyone booked for tomorrow who has not had one yet. Run it from cron, "
            "e.g. hourly; each reminder goes out once.")

    def handle(self, *args, **options):
        sent, failed = send_due_reminders()
        self.stdout.write(f"Reminders sent: {sent}, failed (tried again next run): {failed}")
