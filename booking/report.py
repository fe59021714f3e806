"""Editors' report: bookings per service and counter, week by week, and the share of people who did not come.

One row per ISO week (Monday, Prague time), service and counter, counted in SQL: booked (every booking that
held a place), cancelled, came (arrived or served), did not come, and the share of no-shows among the
appointments whose outcome the clerks marked. No names: the report reads only statuses and times.
"""

import django_filters
from django.db.models import Count, F, Q
from django.db.models.functions import TruncWeek
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from navigator.reports import OfficeReportMixin, week_label
from services.models import CounterPage, ServicePage
from services.hours import PRAGUE

from .models import HOLDS_PLACE, Booking, Status


def no_show_share(row):
    marked = row["came"] + row["no_show"]
    return round(100 * row["no_show"] / marked) if marked else None


class BookingWeekFilterSet(WagtailFilterSet):
    since = django_filters.DateFilter(label=_("Od"), field_name="starts_at", lookup_expr="date__gte")
    until = django_filters.DateFilter(label=_("Do"), field_name="starts_at", lookup_expr="date__lte")
    service = django_filters.ModelChoiceFilter(
        label=_("Služba"), field_name="setup__service",
        queryset=ServicePage.objects.filter(booking_setups__isnull=False).distinct().order_by("title"))
    counter = django_filters.ModelChoiceFilter(
        label=_("Pracoviště"), field_name="setup__counter",
        queryset=CounterPage.objects.filter(booking_setups__isnull=False).distinct().order_by("title"))

    class Meta:
        model = Booking
        fields = ["since", "until", "service", "counter"]


class BookingWeekReportView(OfficeReportMixin, ReportView):
    page_title = _("Objednávky po týdnech")
    header_icon = "date"
    index_url_name = "booking_week_report"
    index_results_url_name = "booking_week_report_results"
    filterset_class = BookingWeekFilterSet
    paginate_by = 50
    default_ordering = "-week"
    verbose_name_plural = _("týdny objednávek")
    export_filename = "objednavky-po-tydnech"

    @classmethod
    def user_may_view(cls, user):
        # Counts only, no names: anyone who edits pages may read it.
        return user.is_active and user_has_any_page_permission(user)
    columns = [
        Column("week", label=_("Týden"), accessor=lambda row: week_label(row["week"].date()),
               sort_key="week"),
        Column("service", label=_("Služba"), sort_key="service"),
        Column("counter", label=_("Pracoviště"), sort_key="counter"),
        NumberColumn("booked", label=_("Objednáno"), sort_key="booked"),
        NumberColumn("cancelled", label=_("Zrušeno"), sort_key="cancelled"),
        NumberColumn("came", label=_("Přišli"), sort_key="came"),
        NumberColumn("no_show", label=_("Nepřišli"), sort_key="no_show"),
        Column("no_show_share", label=_("Nepřišlo (%)"), accessor=no_show_share),
    ]
    list_export = ["week", "service", "counter", "booked", "cancelled", "came", "no_show", "no_show_share"]
    export_headings = {"week": _("Týden (pondělí)"), "service": _("Služba"), "counter": _("Pracoviště"),
                       "booked": _("Objednáno"), "cancelled": _("Zrušeno"), "came": _("Přišli"),
                       "no_show": _("Nepřišli"), "no_show_share": _("Nepřišlo (%)")}
    custom_field_preprocess = {"week": {"csv": lambda value: value.date().isoformat(),
                                        "xlsx": lambda value: value.date().isoformat()}}

    def get_base_queryset(self):
        return Booking.objects.all()

    def get_queryset(self):
        """The filtered bookings grouped into rows of one week, service and counter, then sorted."""
        rows = self.grouped(self.filter_queryset(self.get_base_queryset()))
        return rows.order_by(self.ordering, "service", "counter")

    @staticmethod
    def grouped(queryset):
        return (queryset.annotate(week=TruncWeek("starts_at", tzinfo=PRAGUE))
                .values("week", service=F("setup__service__title"), counter=F("setup__counter__title"))
                .annotate(booked=Count("pk", filter=Q(status__in=HOLDS_PLACE)),
                          cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
                          came=Count("pk", filter=Q(status__in=[Status.ARRIVED, Status.SERVED])),
                          no_show=Count("pk", filter=Q(status=Status.NO_SHOW))))

    def to_row_dict(self, item):
        computed = {**item, "no_show_share": no_show_share(item)}
        return {field: computed[field] for field in self.list_export}
