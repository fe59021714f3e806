"""A situation page for one request: the guide form, the visitor's answers and their personal checklist."""

from urllib.parse import urlencode

from navigator import pagecache
from navigator.address import absolute

from .composition import compose_situation
from .graph import situation_graph
from .guide import unknown_parameter_notices
from .take_along import qr_svg


def checklist_for_request(page, request):
    situation_graph(page)  # a kept graph brings the guide's questions along
    form = page.guide_form(request.GET or None)
    answers = form.answers()
    answers.notices += unknown_parameter_notices(request.GET, form.known_parameters())
    if answers.notices:
        pagecache.one_off(request)
    situation = compose_situation(page, answers)
    # The page's address from the site root paths this request already read for its other links.
    query = urlencode(answers.to_query(page.guide_questions))
    back_url = page.get_url(request) + (f"?{query}" if query else "")
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
