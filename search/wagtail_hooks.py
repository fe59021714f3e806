"""Admin registration of the search reports (search.reports) under Výkazy, for users who may read them."""

from functools import partial

from wagtail import hooks

from navigator.reports import ReportMenuItem, report_urls

from .reports import (
    REPORTS,
    OpenedResultReportView,
    QueryStatReportView,
    UnopenedReportView,
    ZeroResultReportView,
)

ROUTES = {
    QueryStatReportView: "reports/search-queries/",
    ZeroResultReportView: "reports/search-queries/zero-results/",
    UnopenedReportView: "reports/search-queries/unopened/",
    OpenedResultReportView: "reports/search-queries/opened/",
}
ICONS = {QueryStatReportView: "search", ZeroResultReportView: "warning", UnopenedReportView: "view",
         OpenedResultReportView: "link"}


@hooks.register("register_admin_urls")
def register_report_urls():
    return [url for view, route in ROUTES.items() for url in report_urls(route, view)]


def _register_menu_items():
    for number, (view, label) in enumerate(REPORTS):
        hooks.register("register_reports_menu_item", partial(
            ReportMenuItem, view, label, name=view.index_url_name.replace("_", "-"), icon_name=ICONS[view],
            order=1300 + number))


_register_menu_items()
