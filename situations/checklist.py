"""A situation page for one request: the guide form, the visitor's answers and their personal checklist."""

from navigator.address import absolute

from .composition import compose_situation
from .guide import unknown_parameter_notices
from .take_along import qr_svg


def checklist_for_request(page, request):
    form = page.guide_form(request.GET or None)
    answers = form.answers()
    answers.notices += unknown_parameter_notices(request.GET, form.known_parameters())
    situation = compose_situation(page, answers)
    back_url = situation.checklist_path
    checklist_url = absolute(back_url)
    return {
        "guide_form": form,
        "situation": situation,
        "checklist_query": back_url.partition("?")[2],
        "checklist_url": checklist_url,
        "back_url": back_url,
        "qr_code": qr_svg(checklist_url),
        "plan_answers": answers.to_query(page.guide_questions, prefix=page.slug),
    }
