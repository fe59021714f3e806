"""Admin registration of the search reports (search.reports) under Reports, for users who may read them."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import (
    REPORTS,
    OpenedResultReportView,
    QueryStatReportView,
    UnopenedReportView,
    ZeroResultReportView,
    can_view,
)

VIEWS = {
    "search_querystat_report": ("reports/search-queries/", QueryStatReportView),
    "search_zero_result_report": ("reports/search-queries/zero-results/", ZeroResultReportView),
    "search_unopened_report": ("reports/search-queries/unopened/", UnopenedReportView),
    "search_opened_results_report": ("reports/search-queries/opened/", OpenedResultReportView),
}
ICONS = {"search_querystat_report": "search", "search_zero_result_report": "warning",
         "search_unopened_report": "view", "search_opened_results_report": "link"}


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_query_report_urls():
    urls = []
    for name, (route, view) in VIEWS.items():
        urls.append(path(route, view.as_view(), name=name))
        urls.append(path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"))
    return urls


def _menu_item(order):
    name, label = REPORTS[order]
    return SearchReportMenuItem(label, reverse(name), name=name.replace("_", "-"), icon_name=ICONS[name],
                                order=1300 + order)


@hooks.register("register_reports_menu_item")
def register_top_queries_menu_item():
    return _menu_item(0)


@hooks.register("register_reports_menu_item")
def register_zero_result_menu_item():
    return _menu_item(1)


@hooks.register("register_reports_menu_item")
def register_unopened_menu_item():
    return _menu_item(2)


@hooks.register("register_reports_menu_item")
def register_opened_results_menu_item():
    return _menu_item(3)
