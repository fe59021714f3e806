"""The dashboard panel "Po termínu kontroly": the live pages whose review is overdue, the oldest first."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import freshness

SHOWN = 10


class OverduePagesPanel(Component):
    name = "content_health_overdue"
    template_name = "content_health/dashboard_overdue.html"
    order = 150  # above the moderation and recent-edits panels: it asks for work

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        overdue = freshness.entries(statuses=(freshness.Status.OVERDUE,))
        context.update({
            "entries": overdue[:SHOWN],
            "total": len(overdue),
            "more": max(0, len(overdue) - SHOWN),
            "report_url": f"{reverse('content_health_freshness_report')}?status={freshness.Status.OVERDUE}",
        })
        return context
