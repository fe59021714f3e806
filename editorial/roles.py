"""Which departments a user edits or approves for, read once from their groups.

A department's groups are tied to it by editorial.models.DepartmentGroup (never by their names, which
administrators may change); the content managers' group is the one named MANAGERS_GROUP.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

# The one place that names the content managers' group: the central web team that edits every page.
MANAGERS_GROUP = "Správci obsahu"

_CACHE_ATTRIBUTE = "_editorial_roles"


class Role(models.TextChoices):
    EDITOR = "editor", _("editoři")
    APPROVER = "approver", _("schvalovatelé")


@dataclass(frozen=True)
class EditorialRoles:
    """What a user is in the editorial organisation: superuser, content manager, editor or approver of departments."""

    superuser: bool = False
    manager: bool = False
    edits_for: frozenset = frozenset()
    approves_for: frozenset = frozenset()
    # {group id: department id} for the user's departmental groups: their permissions count on that department only
    group_departments: dict = field(default_factory=dict)

    @property
    def sees_everything(self):
        """Superusers and content managers act on every page, whichever department owns it."""
        return self.superuser or self.manager

    def may_edit(self, department_id):
        """Editors and approvers of the department edit its pages."""
        return self.sees_everything or (
            department_id is not None and department_id in self.edits_for | self.approves_for)

    def may_approve(self, department_id):
        """Only the department's approvers (and content managers) approve its pages."""
        return self.sees_everything or (department_id is not None and department_id in self.approves_for)

    def counts_on(self, group_id, department_id):
        """Whether the group's page permissions apply to a page of this department: a department's group counts
        on that department's pages only, so an editor of one department and approver of another publishes
        only the other's pages."""
        return self.group_departments.get(group_id, department_id) == department_id

    @property
    def departments(self):
        """The departments the user works for (as editor or approver), for choosing a page's department."""
        return self.edits_for | self.approves_for


NOBODY = EditorialRoles()


def roles_of(user):
    """The user's editorial roles, read in one query and kept on the user object for the rest of the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOBODY
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        roles = EditorialRoles(superuser=True)
    else:
        manager, edits_for, approves_for, group_departments = False, set(), set(), {}
        rows = user.groups.values_list("pk", "name", "department_role__department_id", "department_role__role")
        for group_id, name, department_id, role in rows:
            manager = manager or name == MANAGERS_GROUP
            if role is not None:
                group_departments[group_id] = department_id
            if role == Role.EDITOR:
                edits_for.add(department_id)
            elif role == Role.APPROVER:
                approves_for.add(department_id)
        roles = EditorialRoles(manager=manager, edits_for=frozenset(edits_for), approves_for=frozenset(approves_for),
                               group_departments=group_departments)
    setattr(user, _CACHE_ATTRIBUTE, roles)
    return roles


def forget_roles(user):
    """Drop the cached roles, after the user's groups have changed."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)
