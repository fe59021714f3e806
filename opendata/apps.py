from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The catalog as open data: CSV, CPSV-AP JSON-LD, a DCAT-AP description and Wagtail's read-only API."""

    name = "opendata"
    verbose_name = _("Otevřená data")
    default_auto_field = "django.db.models.BigAutoField"
