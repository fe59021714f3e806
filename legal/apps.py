from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    """The pages a Czech public body must publish: the accessibility statement and the privacy notice."""

    name = "legal"
    verbose_name = _("Povinně zveřejňované stránky")
    default_auto_field = "django.db.models.BigAutoField"
