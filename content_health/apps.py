from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentHealthConfig(AppConfig):
    """Keeping the catalog right: review dates, content-health checks and the form link checker."""

    name = "content_health"
    verbose_name = _("Kontrola obsahu")
    default_auto_field = "django.db.models.BigAutoField"
