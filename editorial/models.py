"""The departments' editorial groups and the approval task that only the owning department's approvers finish."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import LockableMixin, Task, TaskState, get_page_models

from .permissions import OwnedByDepartmentMixin, owning_department_id
from .roles import Role, roles_of


class DepartmentGroup(models.Model):
    """Ties a Wagtail group to the department it edits or approves for (names may change, this link does not)."""

    department = models.ForeignKey("services.Department", verbose_name=_("odbor"), on_delete=models.CASCADE,
                                   related_name="editorial_groups")
    group = models.OneToOneField(Group, verbose_name=_("skupina"), on_delete=models.CASCADE,
                                 related_name="department_role")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("skupina odboru")
        verbose_name_plural = _("skupiny odborů")
        constraints = [models.UniqueConstraint(fields=["department", "role"], name="one_group_per_department_role")]

    def __str__(self):
        return self.group.name


def department_page_models():
    return [model for model in get_page_models() if issubclass(model, OwnedByDepartmentMixin)]


class DepartmentApprovalTask(Task):
    """A workflow step that the approvers of the page's department finish (content managers and superusers too).

    Modelled on Wagtail's GroupApprovalTask, with the groups read from the page's department instead of being
    fixed on the task: one task serves every department. Pages owned by no department (topics, counters…)
    are approved by the content managers.
    """

    class Meta:
        verbose_name = _("schválení odborem")
        verbose_name_plural = _("schválení odborem")

    @staticmethod
    def user_can_approve(obj, user):
        return roles_of(user).may_approve(owning_department_id(obj))

    def start(self, workflow_state, user=None):
        # Like GroupApprovalTask: a lock held by someone who cannot approve would block the approvers.
        obj = workflow_state.content_object
        if isinstance(obj, LockableMixin) and obj.locked_by and not self.user_can_approve(obj, obj.locked_by):
            obj.locked, obj.locked_by, obj.locked_at = False, None, None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail's workflow action view checks get_actions() against the page in its URL but acts on the task
        # state in its URL; with approvers that differ by page, the task state's own page must be checked.
        if not self.user_can_approve(task_state.workflow_state.content_object, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        return self.user_can_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_approve(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.user_can_approve(obj, user):
            return []
        return [
            ("reject", _("Vrátit k úpravám"), True),
            ("approve", _("Schválit"), False),
            ("approve", _("Schválit s komentářem"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        roles = roles_of(user)
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if roles.sees_everything:
            return in_progress
        if not roles.approves_for:
            return TaskState.objects.none()
        page_ids = set()
        for model in department_page_models():
            page_ids.update(model.objects.filter(department__in=roles.approves_for).values_list("pk", flat=True))
        return in_progress.filter(workflow_state__object_id__in=[str(pk) for pk in page_ids])

    @classmethod
    def get_description(cls):
        return _("Schvalují schvalovatelé odboru, který stránku spravuje; stránky bez odboru správci obsahu.")
