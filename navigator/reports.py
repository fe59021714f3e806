"""What every admin report of the office shares: who may read it and a dated name for its downloads."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone


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
