"""What citizens answer to "Byla tato stránka užitečná?".

A Feedback row holds only what the citizen chose and wrote (scrubbed of personal data) and the day it came:
no address, no cookie, no time of day. A day cannot be matched against a web server's access log the way a
timestamp (even one rounded to the hour, on a quiet page) could, and it is all the reports need.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_COMMENT_LENGTH = 2000


class Reason(models.TextChoices):
    """What a "no" says was unclear or missing; each is a column of its own, so reports count them in SQL."""

    STEPS = "steps", _("Postup")
    DOCUMENTS = "documents", _("Co s sebou")
    WHERE = "where", _("Kam jít")
    FEES = "fees", _("Poplatky")
    OTHER = "other", _("Něco jiného")

    @property
    def field_name(self):
        return f"reason_{self.value}"


class FeedbackQuerySet(models.QuerySet):
    def for_department(self, department):
        """Feedback on the pages the department owns now (situations and services name their department)."""
        return self.for_departments([department])

    def for_departments(self, departments):
        """Feedback on the pages any of these departments (or department ids) owns now."""
        return self.filter(Q(page__situationpage__department__in=departments)
                           | Q(page__servicepage__department__in=departments))

    def with_department_name(self):
        return self.annotate(department_name=Coalesce("page__situationpage__department__name",
                                                      "page__servicepage__department__name"))


class Feedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("stránka"), on_delete=models.CASCADE,
                             related_name="feedback")
    useful = models.BooleanField(_("užitečná"))
    reason_steps = models.BooleanField(Reason.STEPS.label, default=False)
    reason_documents = models.BooleanField(Reason.DOCUMENTS.label, default=False)
    reason_where = models.BooleanField(Reason.WHERE.label, default=False)
    reason_fees = models.BooleanField(Reason.FEES.label, default=False)
    reason_other = models.BooleanField(Reason.OTHER.label, default=False)
    comment = models.TextField(_("komentář"), blank=True,
                               help_text=_("Bez osobních údajů: ty se nahrazují značkami jako «e-mail»."))
    created = models.DateField(_("den"), default=timezone.localdate, db_index=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("zpětná vazba")
        verbose_name_plural = _("zpětná vazba")
        # Only reading is a right worth granting; nobody edits what citizens wrote.
        default_permissions = ()
        permissions = [("view_feedback", "Může číst zpětnou vazbu občanů")]
        indexes = [models.Index(fields=["page", "created"], name="feedback_page_created_idx")]

    def __str__(self):
        return f"{self.page_id}: {'ano' if self.useful else 'ne'} ({self.created})"

    @property
    def reasons(self):
        return [reason for reason in Reason if getattr(self, reason.field_name)]

    @property
    def reason_labels(self):
        return ", ".join(str(reason.label) for reason in self.reasons)

    def set_reasons(self, reasons):
        for reason in Reason:
            setattr(self, reason.field_name, reason in reasons)

