"""Every report under Výkazy asks one permission check and writes downloads that a spreadsheet cannot run.

The reports' own behaviour is tested with each app (tests/search/test_analytics.py,
tests/feedback/test_report.py, tests/content_health); this pins what they share, so a report added later
cannot leave it out.
"""

import pytest
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from navigator.reports import OfficeReportMixin, ReportMenuItem, spreadsheet_safe

OUR_APPS = ("search", "feedback", "content_health")


def our_report_views():
    views = set()
    for register_urls in hooks.get_hooks("register_admin_urls"):
        for pattern in register_urls():
            view_class = getattr(getattr(pattern, "callback", None), "view_class", None)
            if view_class and issubclass(view_class, SpreadsheetExportMixin) \
                    and view_class.__module__.split(".")[0] in OUR_APPS:
                views.add(view_class)
    return views


def test_every_report_with_downloads_is_an_office_report():
    views = our_report_views()
    assert {view.__name__ for view in views} == {
        "QueryStatReportView", "ZeroResultReportView", "UnopenedReportView", "OpenedResultReportView",
        "FeedbackSummaryReportView", "FeedbackCommentReportView",
        "FreshnessReportView", "ContentHealthReportView", "TranslationReportView"}
    assert all(issubclass(view, OfficeReportMixin) for view in views)


def test_every_menu_entry_of_a_report_asks_the_reports_own_permission_check():
    urls = {reverse(view.index_url_name): view for view in our_report_views()}
    items = [register() for register in hooks.get_hooks("register_reports_menu_item")]
    ours = [item for item in items if item.url in urls]
    # search's four reports, feedback's summary, content health's two, the translations' status
    assert len(ours) == 4 + 1 + 2 + 1
    assert all(isinstance(item, ReportMenuItem) and item.view_class is urls[item.url] for item in ours)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1+1", "\r=1+1"])
def test_a_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Občanský průkaz", "1-2", "e-mail: a@b.cz", "", 5, -3, None])
def test_other_cells_stay_as_they_are(value):
    assert spreadsheet_safe(value) == value
