"""Admin: editors set up booking per counter and service (a snippet), and read the weekly booking report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BookingSetup
from .report import BookingWeekReportView, can_view


class BookingSetupViewSet(SnippetViewSet):
    model = BookingSetup
    icon = "date"
    menu_label = _("Objednávání")
    add_to_admin_menu = False
    list_display = ["service", "counter", "slot_minutes", "desks", "walk_in_percent", "active"]
    list_filter = ["active", "counter"]


register_snippet(BookingSetupViewSet)


class BookingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_booking_report_urls():
    return [
        path("reports/bookings/", BookingWeekReportView.as_view(), name="booking_week_report"),
        path("reports/bookings/results/", BookingWeekReportView.as_view(results_only=True),
             name="booking_week_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_booking_report_menu_item():
    return BookingReportMenuItem(_("Objednávky po týdnech"), reverse("booking_week_report"),
                                 name="booking-weeks", icon_name="date", order=1400)
