from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    """Booking a time at a counter: slots from the counter's real hours, the citizen's pages, the clerks' day."""

    name = "booking"
    verbose_name = _("Objednávání")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from navigator import retention
        from navigator.pagecache import watch_lifetime

        from .offers import watch_changes
        from .privacy import RETENTION

        retention.register(RETENTION)
        watch_lifetime(watch_changes)
