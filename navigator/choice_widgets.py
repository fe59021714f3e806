"""Radio buttons and checkboxes whose option inputs are written in Python, exactly as Django's templates write them.

Django renders each option of a choice widget through three nested templates (the option, the input, its
attributes): for the guide's questions on a checklist and on a plan, some twenty to forty options a page, that
was a fifth of a cold page's rendering. The markup is small and fixed, so it is written here instead; the
output is the same character for character (tests/pages/test_choice_widgets.py compares it with Django's own).
Anything else these widgets render (the whole widget, an option wrapped in its label) still goes through the
templates.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def input_tag(widget):
    """`django/forms/widgets/input.html` with its `attrs.html`, for a widget's context."""
    value = "" if widget["value"] is None else format_html(' value="{}"', "%s" % widget["value"])
    attributes = format_html_join(
        "", " {}{}",
        ((name, "" if setting is True else format_html('="{}"', "%s" % setting))
         for name, setting in widget["attrs"].items() if setting is not False),
    )
    return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, attributes)


class WrittenOptionsMixin:
    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if template_name == self.option_template_name and not widget.get("wrap_label"):
            return mark_safe(input_tag(widget))
        return super()._render(template_name, context, renderer)


class RadioSelect(WrittenOptionsMixin, forms.RadioSelect):
    pass


class CheckboxSelectMultiple(WrittenOptionsMixin, forms.CheckboxSelectMultiple):
    pass
