from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontdeskConfig(AppConfig):
    """The front desk (/prepazka/): a keyboard-first page for clerks who guide visitors at the counter."""

    name = "frontdesk"
    verbose_name = _("Přepážka")
    default_auto_field = "django.db.models.BigAutoField"
