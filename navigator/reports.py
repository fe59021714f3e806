"""What every admin report of the office shares: who may read it, its addresses and its entry under Výkazy, a
dated name for its downloads, downloads that a spreadsheet cannot run as formulas, and weeks named the way
editors read a calendar.

An app's reports are Wagtail ReportViews with OfficeReportMixin and one common base class that answers
`user_may_view(user)`. The report's page, its results fragment, its CSV and XLSX downloads and its menu entry
all ask that one method, so who may read an app's reports is decided in one place and changed by overriding it.

Report rows carry text that visitors typed (search queries, feedback comments). A spreadsheet runs a cell that
starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula, so a query such as
`=HYPERLINK(…)` could act in an editor's spreadsheet. Every download is therefore written with such cells as
plain text: in CSV with a leading apostrophe, in XLSX as a text cell marked the way a spreadsheet marks text
typed after an apostrophe.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin.menu import MenuItem

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value):
    return isinstance(value, str) and value.startswith(FORMULA_START)


def spreadsheet_safe(value):
    """The cell's value as a CSV cell that a spreadsheet shows as text rather than running it."""
    return "'" + value if looks_like_formula(value) else value


class OfficeReportMixin:
    """Mixed into a Wagtail ReportView before it; the app's common base class defines `user_may_view`."""

    export_filename = "vykaz"

    @classmethod
    def user_may_view(cls, user):
        """Whether `user` may read this report: its page, its downloads and its menu entry."""
        raise NotImplementedError(f"{cls.__name__} must say who may read it")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                # Text "typed after an apostrophe": editing the cell in a spreadsheet keeps it text.
                cell.quotePrefix = True
            yield cell


def report_urls(route, view_class):
    """The report's page at admin/<route> and the results fragment its filters reload, named as the view says."""
    return [
        path(route, view_class.as_view(), name=view_class.index_url_name),
        path(f"{route}results/", view_class.as_view(results_only=True),
             name=view_class.index_results_url_name),
    ]


class ReportMenuItem(MenuItem):
    """An entry under Výkazy that leads to a report and is shown only to those the report lets in."""

    def __init__(self, view_class, label, **kwargs):
        super().__init__(label, reverse(view_class.index_url_name), **kwargs)
        self.view_class = view_class

    def is_shown(self, request):
        return self.view_class.user_may_view(request.user)


def week_label(monday):
    """'48. týden 2026 (23. 11. – 29. 11.)': the ISO week number and its days, as editors read a calendar."""
    year, number, _weekday = monday.isocalendar()
    sunday = monday + datetime.timedelta(days=6)
    return gettext("%(number)s. týden %(year)s (%(start)s – %(end)s)") % {
        "number": number, "year": year, "start": date_format(monday, "MONTH_DAY_FORMAT"),
        "end": date_format(sunday, "MONTH_DAY_FORMAT")}
