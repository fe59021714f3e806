"""The situation's edit form checks its guide: question keys, options, and every condition that names them."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import guide

CONDITIONAL_FORMSETS = ("steps", "documents", "deadlines", "service_conditions")


def _kept_forms(formset):
    """The child forms that will be saved: filled in, valid so far, and not marked for deletion."""
    formset.is_valid()
    return [form for form in formset.forms
            if form.is_valid() and (form.has_changed() or form.instance.pk)
            and not form.cleaned_data.get("DELETE")]


class SituationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        questions = self._clean_questions()
        for name in CONDITIONAL_FORMSETS:
            if name not in self.formsets:
                continue
            for form in _kept_forms(self.formsets[name]):
                for error in guide.condition_errors(form.cleaned_data.get("condition", ""), questions):
                    form.add_error("condition", error)
        return cleaned_data

    def _clean_questions(self):
        if "questions" not in self.formsets:
            return []
        questions, seen = [], set()
        for form in _kept_forms(self.formsets["questions"]):
            key = form.cleaned_data.get("key")
            if key in seen:
                form.add_error("key", _("Klíč „%(key)s“ už má jiná otázka této situace.") % {"key": key})
            seen.add(key)
            for error in guide.option_errors(form.cleaned_data.get("options", "")):
                form.add_error("options", error)
            if key and key in {guide.SUBMITTED_FIELD, guide.DATE_FIELD}:
                form.add_error("key", _("Klíč „%(key)s“ si průvodce nechává pro sebe.") % {"key": key})
            questions.append(guide.Question(key or "", form.cleaned_data.get("text", ""),
                                            tuple(guide.parse_options(form.cleaned_data.get("options", "")))))
        return questions
