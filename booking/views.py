"""The citizen's booking pages: a week of free times, the form, the confirmation, moving and cancelling.

Everything works as plain links and POST forms, without JavaScript. The pages a booking's signed link opens
say nothing to anyone without the link, are never cached and send a referrer only to this site, so the link
does not leak to the map or other sites they link to (with no referrer at all, browsers would send
"Origin: null" with the pages' own forms, which the CSRF check rightly refuses).
"""

from datetime import date, timedelta
from functools import wraps
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from navigator.ratelimit import RateLimit

from . import mail, reserve
from .calendar import calendar_bytes
from .details import describe, when_text
from .forms import BookingForm
from .lookup import booking_for_token, setup_for, setups_of_service
from .schedule import Schedule, parse_key

ATTEMPTS = RateLimit("booking", "BOOKING_RATE_LIMIT", (10, 60 * 60))
WEEK = 7


def _private(response):
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _redirect(url, status=303):
    response = HttpResponseRedirect(url)
    response.status_code = status
    return response


# -- choosing a time ---------------------------------------------------------------------------------------


def choose_counter(request, service):
    """A service bookable at several counters: pick one; at one counter, go straight to its week."""
    setups = setups_of_service(service)
    if not setups:
        raise Http404(_("Na tuto službu se nelze objednat."))
    if len(setups) == 1:
        return _redirect(reverse("booking:week", args=[service, setups[0].counter.slug]), status=302)
    rows = [(setup, Schedule(setup).nearest_free()) for setup in setups]
    context = {"page_title": _("Objednat se: %(service)s") % {"service": setups[0].service.title},
               "service": setups[0].service, "rows": rows}
    return render(request, "booking/choose_counter.html", context)


def _week_start(request, schedule, notices):
    """The Monday of the week asked for (?od=), else of the week with the nearest free time."""
    asked = request.GET.get("od")
    first = None
    if asked:
        try:
            first = date.fromisoformat(asked[:10])
        except ValueError:
            notices.append(_("Datum „%(value)s“ neznáme, ukazujeme nejbližší volné termíny.") % {
                "value": "".join(ch for ch in asked[:20] if ch.isprintable())})
    if first is None:
        nearest = schedule.nearest_free()
        first = nearest.starts_at.date() if nearest else schedule.today
    first = min(max(first, schedule.today), schedule.last_day)
    return first - timedelta(days=first.weekday())


def _week_context(request, schedule, slot_url):
    notices = []
    monday = _week_start(request, schedule, notices)
    days = schedule.days(monday, WEEK)
    shown = [day for day in days if day.slots or day.reason or day.date.weekday() < 5]
    for day in shown:
        day.links = [(slot, slot_url(slot)) for slot in day.free_slots]
    previous = monday - timedelta(days=WEEK)
    following = monday + timedelta(days=WEEK)
    return {
        "days": shown, "monday": monday, "sunday": monday + timedelta(days=WEEK - 1), "notices": notices,
        "previous_week": f"?{urlencode({'od': previous.isoformat()})}" if monday > schedule.today else None,
        "next_week": (f"?{urlencode({'od': following.isoformat()})}" if following <= schedule.last_day
                      else None),
        "any_free": any(day.free_slots for day in days), "nearest": schedule.nearest_free(),
    }


@require_http_methods(["GET", "HEAD"])
def week(request, service, counter):
    setup = setup_for(service, counter)
    schedule = Schedule(setup)

    def slot_url(slot):
        return reverse("booking:form", args=[service, counter, slot.key])

    context = _week_context(request, schedule, slot_url)
    context.update(page_title=_("Objednat se: %(service)s") % {"service": setup.service.title}, setup=setup,
                   service=setup.service, counter=setup.counter,
                   nearest_url=context["nearest"] and slot_url(context["nearest"]))
    return render(request, "booking/week.html", context)


# -- the form ----------------------------------------------------------------------------------------------


def _alternative_choices(slots):
    return [(slot.key, when_text(slot.starts_at)) for slot in slots]


@require_http_methods(["GET", "HEAD", "POST"])
def booking_form(request, service, counter, slot):
    setup = setup_for(service, counter)
    starts_at = parse_key(slot)
    if starts_at is None:
        raise Http404(_("Takový termín nenabízíme."))
    schedule = Schedule(setup)
    context = {"page_title": _("Objednat se: %(service)s") % {"service": setup.service.title}, "setup": setup,
               "service": setup.service, "counter": setup.counter,
               "week_url": reverse("booking:week", args=[service, counter])}
    if request.method != "POST":
        chosen = schedule.slot_at(starts_at)
        if chosen is None or chosen.free <= 0:
            return _slot_gone(request, context, BookingForm(), reserve.nearby(schedule, starts_at))
        context.update(form=BookingForm(), slot=chosen, when=when_text(chosen.starts_at))
        return render(request, "booking/form.html", context)

    verdict = ATTEMPTS.hit(request)
    if not verdict.allowed:
        context["message"] = _("Z vašeho připojení přišlo v krátké době příliš mnoho objednávek. Zkuste to "
                               "prosím znovu za %(minutes)s min., nebo zavolejte na pracoviště.") % {
            "minutes": verdict.retry_after_minutes}
        response = render(request, "booking/problem.html", context, status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response

    # After a slot filled up, the form offers other times as the field "cas"; otherwise the URL's slot holds.
    chosen_key = request.POST.get("cas") or slot
    starts_at = parse_key(chosen_key) or starts_at
    form = BookingForm(request.POST)
    if not form.is_valid():
        chosen = schedule.slot_at(starts_at)
        if chosen is None:
            return _slot_gone(request, context, form, reserve.nearby(schedule, starts_at))
        context.update(form=form, slot=chosen, when=when_text(chosen.starts_at))
        return render(request, "booking/form.html", context, status=400)
    data = form.cleaned_data
    try:
        booking = reserve.book(setup, starts_at, name=data["name"], email=data["email"], phone=data["phone"])
    except reserve.LimitReached:
        context["message"] = _("Na tuto službu už máte objednané %(count)s termíny, víc jich na jeden e-mail "
                               "nejde. Termín, který nepotřebujete, zrušte odkazem z potvrzovacího e-mailu, a "
                               "pak se objednejte znovu.") % {"count": reserve.active_limit()}
        return render(request, "booking/problem.html", context, status=409)
    except reserve.SlotGone as gone:
        return _slot_gone(request, context, form, gone.alternatives)
    mail.send_confirmation(booking, request)
    return _redirect(describe(booking).manage_path + "?nova=1")


def _slot_gone(request, context, form, alternatives):
    """The slot is taken (or not offered): say so, and offer the nearest free times in the same form."""
    context.update(form=form, slot=None, gone=True, alternatives=_alternative_choices(alternatives))
    return render(request, "booking/form.html", context, status=409 if request.method == "POST" else 200)


# -- the booking's own pages (signed link) -----------------------------------------------------------------


def with_booking(view):
    """Resolve the signed token to the booking; a link that does not check out gets the same 404 as any."""

    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        booking = booking_for_token(token)
        if booking is None:
            context = {"page_title": _("Objednávku jsme nenašli"),
                       "message": _("Odkaz je neúplný nebo pozměněný. Otevřete ho prosím znovu z potvrzovacího "
                                    "e-mailu, celý.")}
            return _private(render(request, "booking/problem.html", context, status=404))
        return view(request, token, booking, *args, **kwargs)

    return wrapped


@require_http_methods(["GET", "HEAD"])
@with_booking
def detail(request, token, booking):
    details = describe(booking)
    context = {"page_title": _("Objednávka %(code)s") % {"code": details.code}, "details": details,
               "booking": booking, "new": "nova" in request.GET, "moved": "presunuto" in request.GET,
               "cancelled": "zruseno" in request.GET}
    return _private(render(request, "booking/detail.html", context))


@require_http_methods(["GET", "HEAD"])
@with_booking
def calendar(request, token, booking):
    details = describe(booking)
    response = HttpResponse(calendar_bytes(details, request.build_absolute_uri(details.manage_path)),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="objednavka-{booking.code}.ics"'
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
@with_booking
def cancel(request, token, booking):
    details = describe(booking)
    if request.method == "POST" and booking.can_change:
        reserve.cancel(booking)
        return _redirect(details.manage_path + "?zruseno=1")
    context = {"page_title": _("Zrušit objednávku %(code)s") % {"code": details.code}, "details": details,
               "booking": booking}
    return _private(render(request, "booking/cancel.html", context))


@require_http_methods(["GET", "HEAD"])
@with_booking
def move(request, token, booking):
    details = describe(booking)
    context = {"page_title": _("Přesunout objednávku %(code)s") % {"code": details.code}, "details": details,
               "booking": booking, "setup": booking.setup, "service": details.service,
               "counter": details.counter, "moving": True}
    if booking.can_change:
        schedule = Schedule(booking.setup)

        def slot_url(slot):
            return reverse("booking:move_to", args=[token, slot.key])

        context.update(_week_context(request, schedule, slot_url))
        context["nearest_url"] = context["nearest"] and slot_url(context["nearest"])
    return _private(render(request, "booking/week.html", context))


def _move_alternatives(token, slots):
    return [(when_text(slot.starts_at), reverse("booking:move_to", args=[token, slot.key])) for slot in slots]


@require_http_methods(["GET", "HEAD", "POST"])
@with_booking
def move_to(request, token, booking, slot):
    details = describe(booking)
    starts_at = parse_key(slot)
    if starts_at is None:
        raise Http404(_("Takový termín nenabízíme."))
    context = {"page_title": _("Přesunout objednávku %(code)s") % {"code": details.code}, "details": details,
               "booking": booking, "new_when": when_text(starts_at)}
    if booking.can_change:
        schedule = Schedule(booking.setup)
        if request.method == "POST":
            try:
                booking = reserve.move(booking, starts_at)
            except reserve.SlotGone as gone:
                context["alternatives"] = _move_alternatives(token, gone.alternatives)
                context["gone"] = True
                return _private(render(request, "booking/move_confirm.html", context, status=409))
            mail.send_confirmation(booking, request, moved=True)
            return _redirect(details.manage_path + "?presunuto=1")
        chosen = schedule.slot_at(starts_at)
        if chosen is None or chosen.free <= 0:
            context["alternatives"] = _move_alternatives(token, reserve.nearby(schedule, starts_at))
            context["gone"] = True
    return _private(render(request, "booking/move_confirm.html", context))
