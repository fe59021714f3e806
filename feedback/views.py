"""POST /zpetna-vazba/ takes a citizen's answer; GET /zpetna-vazba/dekujeme/ thanks them. Views only glue.

Without JavaScript the form posts here and the citizen lands, after a 303 (post/redirect/get), on the
thank-you page; an error shows a page with the message and, where it can be fixed, the form again with what
they wrote.
feedback.js posts the same form with `Accept: application/json` and gets the same answers as JSON.
No response here sets a cookie.
"""

import re
from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from . import pages, ratelimit, tokens
from .forms import FeedbackForm
from .models import Feedback
from .notify import notify_department, should_notify

_PAGE_ID = re.compile(r"[0-9]{1,18}")
NOT_FROM_OUR_FORM = gettext_lazy("Odpověď nepřišla z formuláře na našem webu, proto jsme ji nepřijali.")


def _page_id(value):
    if isinstance(value, str) and _PAGE_ID.fullmatch(value.strip()):
        return int(value)
    return None


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _refuse(request, status, message, *, page=None, form=None, headers=None):
    message = str(message)
    if _wants_json(request):
        body = {"ok": False, "message": message}
        if form is not None:
            body["errors"] = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
            body["token"] = form.token
        response = JsonResponse(body, status=status)
    else:
        context = {"page_title": _("Odpověď se nepodařilo odeslat"), "message": message,
                   "feedback_page": page, "feedback_form": form}
        response = render(request, "feedback/problem.html", context, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _thanks_context(page, useful):
    return {"feedback_page": page, "useful": useful,
            "department": pages.department_of(page) if page is not None else None}


@csrf_exempt  # not unprotected: tokens.same_origin and tokens.verify replace the cookie check (see tokens.py)
def submit(request):
    if request.method != "POST":
        return _refuse(request, 405, _("Odpověď se posílá formulářem „Byla tato stránka užitečná?“ "
                                       "na konci stránky životní situace nebo služby."),
                       headers={"Allow": "POST"})
    if not tokens.same_origin(request):
        return _refuse(request, 403, NOT_FROM_OUR_FORM)
    try:
        data = request.POST
    except (RequestDataTooBig, TooManyFieldsSent, MultiPartParserError):
        return _refuse(request, 400, _("Odpověď je příliš velká nebo poškozená. Komentář může mít nejvýš "
                                       "2 000 znaků."))

    page_id = _page_id(data.get("page"))
    if page_id is None:
        return _refuse(request, 400, _("V odpovědi chybí stránka, ke které patří. Odešlete ji prosím "
                                       "z formuláře na konci stránky."))
    try:
        tokens.verify(data.get("token"), page_id)
    except tokens.TokenExpired:
        page = pages.find(page_id)
        form = FeedbackForm(data, page_id=page_id) if page is not None else None
        return _refuse(request, 403, _("Formulář byl otevřený příliš dlouho. Zkontrolujte prosím odpověď "
                                       "a odešlete ji znovu."), page=page, form=form)
    except (tokens.TokenMissing, tokens.TokenInvalid):
        return _refuse(request, 403, f"{NOT_FROM_OUR_FORM} "
                       + _("Otevřete prosím stránku znovu a odešlete odpověď z ní."),
                       page=pages.find(page_id))

    verdict = ratelimit.hit(request, page_id)
    if not verdict.allowed:
        message = _("Z vašeho připojení přišlo v krátké době příliš mnoho odpovědí. Zkuste to prosím znovu "
                    "za %(minutes)s min.") % {"minutes": verdict.retry_after_minutes}
        return _refuse(request, 429, message,
                       headers={"Retry-After": str(verdict.retry_after)})

    page = pages.find(page_id)
    if page is None:
        return _refuse(request, 404, _("Stránka, ke které odpověď patří, už neexistuje nebo není "
                                       "zveřejněná."))

    form = FeedbackForm(data, page_id=page_id)
    if not form.is_valid():
        return _refuse(request, 400, _("Odpověď jsme neuložili. Opravte prosím, co je níže, a odešlete ji "
                                       "znovu."),
                       page=page, form=form)

    feedback = Feedback(page=page, useful=form.cleaned_data["useful"], comment=form.cleaned_data["comment"])
    feedback.set_reasons(form.cleaned_data["reasons"])
    feedback.save()
    if should_notify(feedback):
        notify_department(feedback, page, page.get_full_url(request))

    if _wants_json(request):
        context = _thanks_context(page, feedback.useful)
        html = render_to_string("feedback/thanks_message.html", context, request)
        return JsonResponse({"ok": True, "html": html}, status=201)
    query = {"stranka": page.pk}
    if not feedback.useful:
        query["odpoved"] = "ne"
    response = HttpResponseRedirect(f"{reverse('feedback:thanks')}?{urlencode(query)}")
    response.status_code = 303  # See Other: reloading the thank-you page never sends the answer twice
    return response


def thanks(request):
    """The thank-you page after a form sent without JavaScript; harmless to open by hand."""
    page_id = _page_id(request.GET.get("stranka"))
    page = pages.find(page_id) if page_id is not None else None
    context = {"page_title": _("Děkujeme za odpověď"),
               **_thanks_context(page, request.GET.get("odpoved") != "ne")}
    return render(request, "feedback/thanks.html", context)
