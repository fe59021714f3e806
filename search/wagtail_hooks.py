"""Admin report on what people search for: the most searched queries and the queries that found nothing.

Both lists read QueryStat, which search.querylog fills with scrubbed, normalised queries. They are Wagtail
reports (paginated, sortable, with XLSX and CSV download) under Reports → "Hledané dotazy", visible to users
with the `search.view_querystat` permission (superusers have it).
"""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton

from .models import QueryStat

PERMISSION = "search.view_querystat"


def can_view(user):
    return user.is_active and user.has_perm(PERMISSION)


class QueryStatFilterSet(WagtailFilterSet):
    query = django_filters.CharFilter(label=_("Dotaz obsahuje"), lookup_expr="icontains")

    class Meta:
        model = QueryStat
        fields = ["query"]


class QueryStatReportView(ReportView):
    """The most searched queries."""

    page_title = _("Hledané dotazy")
    header_icon = "search"
    index_url_name = "search_querystat_report"
    index_results_url_name = "search_querystat_report_results"
    filterset_class = QueryStatFilterSet
    paginate_by = 50
    default_ordering = "-count"
    verbose_name_plural = _("hledané dotazy")
    columns = [
        Column("query", label=_("Dotaz"), sort_key="query"),
        NumberColumn("count", label=_("Hledáno"), sort_key="count"),
        NumberColumn("zero_results", label=_("Bez výsledků"), sort_key="zero_results"),
        DateColumn("last_searched", label=_("Naposledy"), sort_key="last_searched"),
    ]
    list_export = ["query", "count", "zero_results", "last_searched"]
    export_headings = {
        "query": _("Dotaz"),
        "count": _("Hledáno"),
        "zero_results": _("Bez výsledků"),
        "last_searched": _("Naposledy"),
    }
    other_report = ("search_zero_result_report", _("Dotazy bez výsledků"))
    export_filename = "hledane-dotazy"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return QueryStat.objects.all()

    def order_queryset(self, queryset):
        # A stable order within equal counts, so pagination never repeats or skips a row.
        return queryset.order_by(self.ordering, "query" if self.ordering != "-query" else "pk")

    def get_filename(self):
        return f"{self.export_filename}-{datetime.date.today():%Y-%m-%d}"

    @cached_property
    def header_buttons(self):
        url_name, label = self.other_report
        return [HeaderButton(label, url=reverse(url_name), icon_name="list-ul")]


class ZeroResultReportView(QueryStatReportView):
    """The queries that found nothing at least once: what the catalog or the synonyms lack."""

    page_title = _("Dotazy bez výsledků")
    index_url_name = "search_zero_result_report"
    index_results_url_name = "search_zero_result_report_results"
    default_ordering = "-zero_results"
    verbose_name_plural = _("dotazy bez výsledků")
    other_report = ("search_querystat_report", _("Nejčastější dotazy"))
    export_filename = "dotazy-bez-vysledku"

    def get_base_queryset(self):
        return QueryStat.objects.filter(zero_results__gt=0)


class QueryStatMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_query_report_urls():
    return [
        path("reports/search-queries/", QueryStatReportView.as_view(), name="search_querystat_report"),
        path("reports/search-queries/results/", QueryStatReportView.as_view(results_only=True),
             name="search_querystat_report_results"),
        path("reports/search-queries/zero-results/", ZeroResultReportView.as_view(),
             name="search_zero_result_report"),
        path("reports/search-queries/zero-results/results/", ZeroResultReportView.as_view(results_only=True),
             name="search_zero_result_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryStatMenuItem(_("Hledané dotazy"), reverse("search_querystat_report"), name="search-queries",
                             icon_name="search", order=1300)
