from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Citizens' feedback: "Byla tato stránka užitečná?" on situation and service pages, and its reports."""

    name = "feedback"
    verbose_name = _("Zpětná vazba")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import retention

        retention.register()
