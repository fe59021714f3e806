"""The radio buttons and checkboxes written in Python (navigator.choice_widgets) say exactly what Django's own
templates say, for every option of every guide question and of the feedback form, answered or not."""

import pytest
from django import forms
from django.http import QueryDict

from feedback.forms import FeedbackForm
from situations.models import SituationPage

pytestmark = pytest.mark.django_db


def django_tag(choice):
    """The option as Django's templates write it (forms.Widget._render, not the mixin's)."""
    context = {"widget": {**choice.data, "wrap_label": False}}
    return forms.Widget._render(choice.parent_widget, choice.template_name, context, choice.renderer)


def options(form):
    return [choice for field in form if hasattr(field.field, "choices") for choice in field]


def test_every_guide_option_reads_as_djangos_templates_write_it():
    checked, ticked = 0, 0
    for page in SituationPage.objects.live():
        questions = page.guide_questions
        answered = QueryDict(mutable=True)
        for question in questions:
            answered.setlist(f"{page.slug}-{question.key}", [question.options[0].key])
        for form in (page.guide_form(), page.guide_form(answered, prefix=page.slug)):
            for choice in options(form):
                assert choice.tag() == django_tag(choice)
                checked += 1
                ticked += " checked" in choice.tag()
    assert checked > 100  # the demo's guides have well over a hundred options between them
    assert ticked > 10  # the answered forms' first options


@pytest.mark.parametrize("data", [None, {"useful": "no", "reasons": ["steps", "<b>"]}, {"useful": "x\"y"}])
def test_the_feedback_options_read_as_djangos_templates_write_them(data):
    form = FeedbackForm(data, page_id=1)
    form.is_valid()  # bound forms mark their options invalid, and that is written too
    choices = options(form)
    assert len(choices) > 3
    assert all(choice.tag() == django_tag(choice) for choice in choices)
    assert any(' checked' in choice.tag() for choice in choices) == bool(data and data.get("useful") == "no")


def test_an_option_wrapped_in_its_label_still_comes_from_the_templates():
    choice = options(FeedbackForm(page_id=1))[0]
    assert str(choice) == forms.Widget._render(choice.parent_widget, choice.template_name,
                                               {"widget": {**choice.data, "wrap_label": True}}, choice.renderer)
    assert str(choice).startswith("<label")
