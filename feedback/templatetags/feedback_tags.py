from django import template

from ..forms import FeedbackForm

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_form(context):
    """The form to show: the one sent back with errors, or a fresh one for the page being rendered."""
    form = context.get("feedback_form")
    if form is None:
        form = FeedbackForm(page_id=context["page"].pk)
    return form
