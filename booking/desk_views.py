"""The clerks' bookings at the front desk (/prepazka/objednavky/): the day per counter, marking who came,
finding a booking by its code, and the day's list on paper. Only for the clerks' group (frontdesk.access)."""

from datetime import date, timedelta
from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from frontdesk.access import clerk_required
from services.hours import PRAGUE

from .desk import day_overview, find_by_code
from .models import Booking, BookingSetup, Status

MARKS = {Status.EXPECTED, Status.ARRIVED, Status.SERVED, Status.NO_SHOW}
# Far enough for any real question, near enough that no date arithmetic overflows.
FURTHEST = timedelta(days=3 * 366)


def _day(request, notices):
    today = timezone.now().astimezone(PRAGUE).date()
    asked = request.GET.get("den", "")
    if not asked:
        return today
    try:
        day = date.fromisoformat(asked[:10])
    except ValueError:
        notices.append(_("Datum „%(value)s“ neznáme, ukazujeme dnešek.") % {
            "value": "".join(ch for ch in asked[:20] if ch.isprintable())})
        return today
    if abs(day - today) > FURTHEST:
        notices.append(_("Tak daleko objednávky nesahají, ukazujeme dnešek."))
        return today
    return day


def _counters():
    return (BookingSetup.objects.filter(counter__live=True).order_by("counter__title")
            .values_list("counter__slug", "counter__title").distinct())


def _day_context(request):
    notices = []
    day = _day(request, notices)
    counters = list(_counters())
    counter = request.GET.get("pracoviste", "")
    if counter and counter not in {slug for slug, _title in counters}:
        notices.append(_("Takové pracoviště s objednáváním neznáme, ukazujeme všechna."))
        counter = ""

    def url(**changes):
        query = {"den": day.isoformat(), "pracoviste": counter, **changes}
        return "?" + urlencode({key: value for key, value in query.items() if value})

    return {"day": day, "counter": counter, "counters": counters, "notices": notices,
            "overview": day_overview(day, counter or None),
            "previous_url": url(den=(day - timedelta(days=1)).isoformat()),
            "next_url": url(den=(day + timedelta(days=1)).isoformat()), "query": url(),
            "is_today": day == timezone.now().astimezone(PRAGUE).date(), "statuses": Status}


@require_GET
@never_cache
@clerk_required
def day(request):
    context = _day_context(request)
    context["page_title"] = _("Objednávky %(day)s – přepážka") % {"day": f"{context['day']:%-d. %-m. %Y}"}
    context["back"] = request.get_full_path()
    return render(request, "booking/desk/day.html", context)


@require_GET
@never_cache
@clerk_required
def print_day(request):
    context = _day_context(request)
    context["page_title"] = _("Objednávky %(day)s") % {"day": f"{context['day']:%-d. %-m. %Y}"}
    context["back_url"] = reverse("booking_desk:day") + context["query"]
    return render(request, "booking/desk/print.html", context)


@require_GET
@never_cache
@clerk_required
def find(request):
    typed = request.GET.get("kod", "")
    booking = find_by_code(typed)
    if booking is None:
        context = _day_context(request)
        context.update(page_title=_("Objednávka nenalezena – přepážka"), back=reverse("booking_desk:day"),
                       not_found="".join(ch for ch in typed[:40] if ch.isprintable()) or "–")
        return render(request, "booking/desk/day.html", context, status=404)
    local = booking.starts_at.astimezone(PRAGUE)
    query = urlencode({"den": local.date().isoformat(), "pracoviste": booking.setup.counter.slug})
    return HttpResponseRedirect(f"{reverse('booking_desk:day')}?{query}#kod-{booking.code}")


@require_POST
@clerk_required
def mark(request, code):
    """Set a booking's status; answers JSON to the page's script, else goes back to the list."""
    status = request.POST.get("stav", "")
    booking = Booking.objects.filter(code=code[:20]).exclude(status=Status.CANCELLED).first()
    if booking is None or status not in MARKS:
        message = _("Objednávku nelze označit: neznámý kód nebo stav.")
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"ok": False, "message": message}, status=400)
        return render(request, "booking/desk/day.html", {**_day_context(request), "page_title": message,
                                                         "error": message}, status=400)
    Booking.objects.filter(pk=booking.pk).update(status=status, status_changed_at=timezone.now())
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": True, "code": booking.code, "status": status,
                             "label": str(Status(status).label)})
    back = request.POST.get("zpet", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = reverse("booking_desk:day")
    response = HttpResponseRedirect(f"{back.split('#')[0]}#kod-{booking.code}")
    response.status_code = 303
    return response
