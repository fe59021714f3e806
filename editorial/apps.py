from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Who edits what: departments' editors and approvers, and the approval workflow of their pages."""

    name = "editorial"
    verbose_name = _("Redakce")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications

        notifications.connect()
