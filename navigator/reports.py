"""What every admin report of the office shares: who may read it, a dated name for its downloads, and weeks
named the way editors read a calendar."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext


class OfficeReportMixin:
    """Mixed into a Wagtail ReportView; `user_may_view` is the app's permission check (a plain function)."""

    export_filename = "vykaz"
    user_may_view = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"


def week_label(monday):
    """'48. týden 2026 (23. 11. – 29. 11.)': the ISO week number and its days, as editors read a calendar."""
    year, number, _weekday = monday.isocalendar()
    sunday = monday + datetime.timedelta(days=6)
    return gettext("%(number)s. týden %(year)s (%(start)s – %(end)s)") % {
        "number": number, "year": year, "start": f"{monday.day}. {monday.month}.",
        "end": f"{sunday.day}. {sunday.month}."}
