"""Admin registration of the feedback reports (feedback.reports) under Výkazy, and of their permission."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from navigator.reports import ReportMenuItem, report_urls

from .reports import FeedbackCommentReportView, FeedbackSummaryReportView


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [*report_urls("reports/feedback/", FeedbackSummaryReportView),
            *report_urls("reports/feedback/answers/", FeedbackCommentReportView)]


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    # One entry: the summary links to the answers one by one.
    return ReportMenuItem(FeedbackSummaryReportView, _("Zpětná vazba"), name="feedback", icon_name="comment",
                          order=1400)


@hooks.register("register_permissions")
def register_feedback_permission():
    """Offer "may read citizens' feedback" on the group editing page, so departments' groups can get it."""
    return Permission.objects.filter(content_type__app_label="feedback", codename="view_feedback")
