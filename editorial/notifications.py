"""An e-mail to the department's approvers when a page of theirs is submitted for approval.

Wagtail notifies a GroupApprovalTask's groups itself; our task reads its approvers from the page's department,
so it needs this notifier (same templates, same user preferences). Superusers hear of every submission from
Wagtail's own workflow notifier already.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models import DepartmentApprovalTask
from .permissions import owning_department_id
from .roles import MANAGERS_GROUP, Role


class DepartmentApprovalSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, DepartmentApprovalTask)

    def get_recipient_users(self, task_state, **kwargs):
        department_id = owning_department_id(task_state.workflow_state.content_object)
        approvers = Q(groups__name=MANAGERS_GROUP)
        if department_id is not None:
            approvers |= Q(groups__department_role__department_id=department_id,
                           groups__department_role__role=Role.APPROVER)
        recipients = get_user_model().objects.filter(approvers, is_active=True).distinct()
        if triggering_user := kwargs.get("user"):
            recipients = recipients.exclude(pk=triggering_user.pk)
        return recipients


submission_notifier = DepartmentApprovalSubmissionNotifier()


def connect():
    task_submitted.connect(submission_notifier, sender=TaskState,
                           dispatch_uid="editorial_department_approval_submitted_email")
