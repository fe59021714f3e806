from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    """Booking a time at a counter: slots from the counter's real hours, the citizen's pages, the clerks' day."""

    name = "booking"
    verbose_name = _("Objednávání")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from navigator import retention
        from navigator.pagecache import content_changed, watch_lifetime

        from .models import BookingSetup
        from .offers import watch_changes
        from .privacy import RETENTION

        retention.register(RETENTION)
        watch_lifetime(watch_changes)
        # Service, counter and checklist pages offer "Objednat se" from the setups: a changed one changes them.
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=BookingSetup, dispatch_uid=f"booking-setup-{signal is post_save}")
