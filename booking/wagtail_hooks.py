"""Admin: editors set up booking per counter and service (a snippet), and read the weekly booking report."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from navigator.reports import ReportMenuItem, report_urls

from .models import BookingSetup
from .report import BookingWeekReportView


class BookingSetupViewSet(SnippetViewSet):
    model = BookingSetup
    icon = "date"
    menu_label = _("Objednávání")
    add_to_admin_menu = False
    list_display = ["service", "counter", "slot_minutes", "desks", "walk_in_percent", "active"]
    list_filter = ["active", "counter"]


register_snippet(BookingSetupViewSet)



@hooks.register("register_admin_urls")
def register_booking_report_urls():
    return report_urls("reports/bookings/", BookingWeekReportView)


@hooks.register("register_reports_menu_item")
def register_booking_report_menu_item():
    return ReportMenuItem(BookingWeekReportView, _("Objednávky po týdnech"), name="booking-weeks",
                          icon_name="date", order=1400)
