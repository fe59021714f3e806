"""The condition builder: editors pick a question of the guide, "chooses one of" or "chooses none of", and tick
options; the condition is shown back as a Czech sentence.

The stored value stays the short text form the demo YAML and imports use (`odkud = jina-obec, zahranici; mam != pes`,
read by situations.guide), so the widget is a text input with a builder over it: without JavaScript the text input
is all there is. The builder reads the questions from the page's own questions formset, so a question added or
changed in the same unsaved edit can be used at once; a form without such a formset (a fee's condition, say) gives
the questions as a list instead. Conditions that no visitor could meet are flagged while they are built; the form's
own validation (situations.forms) refuses them on save.
"""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "everyone": _("Týká se každého návštěvníka."),
    "only_if": _("Jen pokud návštěvník"),
    "and": _("a"),
    "or": _("nebo"),
    "nor": _("ani"),
    "at_question": _("u otázky"),
    "chooses": _("zvolí"),
    "does_not_choose": _("nezvolí"),
    "operator_any": _("zvolí některou z"),
    "operator_none": _("nezvolí žádnou z"),
    "question": _("Otázka"),
    "pick_question": _("Vyberte otázku…"),
    "add": _("Přidat podmínku"),
    "remove": _("Odebrat"),
    "no_questions": _("Situace zatím nemá otázky průvodce. Přidejte je na záložce Průvodce."),
    "unknown_question": _("Otázka „%(key)s“ už neexistuje; vyberte jinou, nebo podmínku odeberte."),
    "unknown_option": _("Volba „%(key)s“ už u otázky neexistuje."),
    "no_option": _("Zaškrtněte aspoň jednu volbu."),
    "all_excluded": _("Vyloučili jste všechny volby otázky „%(question)s“: tuto podmínku nesplní nikdo."),
    "contradiction": _("Podmínky u otázky „%(question)s“ si odporují: nesplní je nikdo."),
    "unreadable": _("Zápisu podmínky nerozumíme, opravte ho, nebo ho smažte a podmínku poskládejte znovu."),
}


class ConditionWidget(forms.TextInput):
    """A condition on the guide's answers; `questions_formset` names the formset whose rows are the questions,
    `questions` gives them instead as [{"key", "text", "multiple", "options": [{"key", "label"}]}]."""

    template_name = "navigator/widgets/condition.html"

    def __init__(self, questions_formset="questions", questions=None, attrs=None):
        super().__init__(attrs)
        self.questions_formset = questions_formset
        self.questions = questions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["builder"] = json.dumps({
            "formset": self.questions_formset if self.questions is None else None,
            "questions": self.questions,
            "labels": {key: str(label) for key, label in LABELS.items()},
        }, ensure_ascii=False)
        return context

    class Media:
        js = ["js/admin/condition-builder.js"]
        css = {"all": ["css/admin/condition-builder.css"]}
