"""The editorial groups and what they may do; `ensure_editorial_groups()` makes them, again and again safely.

- "<odbor> – editoři": edit their department's situations and services and submit them for approval;
- "<odbor> – schvalovatelé": the same, and publish, unpublish and approve submitted changes;
- "Správci obsahu": the central web team, every page (home, topics, counters too) and the shared snippets.

The departments' groups get their page permissions on the whole site; editorial.permissions narrows them to
the department's own pages. Shared snippets (documents to bring, forms) are used by many departments' pages
and are not moderated, so the departments may add new ones (nobody sees them until an approved page uses
them) but only the content managers change or delete them.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Site

from languages.locales import in_default_language
from services.models import Department

from .models import DepartmentGroup
from .roles import MANAGERS_GROUP, Role
from .workflows import ensure_department_workflow

ADMIN_ACCESS = "wagtailadmin.access_admin"
DEPARTMENT_PAGE_PERMISSIONS = {
    Role.EDITOR: ("add_page", "change_page"),
    Role.APPROVER: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
MANAGER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
DEPARTMENT_MODEL_PERMISSIONS = (ADMIN_ACCESS, "services.add_requireddocument", "services.add_applicationform")
MANAGER_MODEL_PERMISSIONS = (
    ADMIN_ACCESS,
    *(f"services.{action}_{model}" for model in ("department", "requireddocument", "applicationform")
      for action in ("add", "change", "delete")),
    "search.add_pinnedresult", "search.change_pinnedresult", "search.delete_pinnedresult",
    "search.view_querystat",
    # Content managers run the counters, so they also set up booking at them.
    *(f"booking.{action}_bookingsetup" for action in ("add", "change", "delete")),
)
# Group names are data shared by everyone in the admin, so they stay Czech whatever the interface language.
SUFFIXES = {Role.EDITOR: "editoři", Role.APPROVER: "schvalovatelé"}
GROUP_NAME_LENGTH = Group._meta.get_field("name").max_length
GroupPermission = Group.permissions.through


@dataclass
class Report:
    groups_created: int = 0
    groups_renamed: int = 0
    permissions_added: int = 0
    workflow_created: bool = False
    site_root: object = None

    def __str__(self):
        if self.site_root is None:
            return _("Skupiny redakce: chybí web, oprávnění ke stránkám a workflow nenastaveny.")
        return _("Skupiny redakce: %(created)s nových, %(renamed)s přejmenovaných, %(permissions)s nových "
                 "oprávnění, workflow %(workflow)s.") % {
            "created": self.groups_created, "renamed": self.groups_renamed,
            "permissions": self.permissions_added,
            "workflow": _("založeno") if self.workflow_created else _("beze změny"),
        }


def group_name(department, role):
    """ "Odbor občanskosprávní – editoři", shortened to fit a group name if a department's name is long."""
    suffix = f" – {SUFFIXES[role]}"
    return department.name[: GROUP_NAME_LENGTH - len(suffix)].rstrip() + suffix


@transaction.atomic
def ensure_editorial_groups():
    """Every department has its editors' and approvers' groups, the content managers' group exists, each group
    has its permissions and the approval workflow covers the site. A second run changes nothing; permissions an
    administrator added by hand are kept. Returns a Report."""
    report = Report()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    report.site_root = site.root_page if site else None
    permissions = _permissions_by_name()
    existing_page_permissions = set(
        GroupPagePermission.objects.filter(page=report.site_root).values_list("group_id", "permission_id")
    ) if report.site_root else set()
    existing_model_permissions = set(GroupPermission.objects.values_list("group_id", "permission_id"))
    new_model_permissions, new_page_permissions = [], []

    def grant(group, model_permissions, page_permissions):
        new_model_permissions.extend(
            GroupPermission(group=group, permission=permissions[name]) for name in model_permissions
            if (group.pk, permissions[name].pk) not in existing_model_permissions)
        if report.site_root is not None:
            new_page_permissions.extend(
                GroupPagePermission(group=group, page=report.site_root, permission=permissions[f"wagtailcore.{name}"])
                for name in page_permissions
                if (group.pk, permissions[f"wagtailcore.{name}"].pk) not in existing_page_permissions)

    managers, created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    report.groups_created += created
    grant(managers, MANAGER_MODEL_PERMISSIONS, MANAGER_PAGE_PERMISSIONS)

    links = {(link.department_id, link.role): link for link in DepartmentGroup.objects.select_related("group")}
    # A department's groups belong to the department, not to each language version of its name.
    for department in in_default_language(Department.objects).order_by("name"):
        for role in Role:
            group = _department_group(department, role, links.get((department.pk, role)), report)
            grant(group, DEPARTMENT_MODEL_PERMISSIONS, DEPARTMENT_PAGE_PERMISSIONS[role])
    GroupPermission.objects.bulk_create(new_model_permissions)
    GroupPagePermission.objects.bulk_create(new_page_permissions)
    report.permissions_added = len(new_model_permissions) + len(new_page_permissions)

    if report.site_root is not None:
        report.workflow_created = ensure_department_workflow(report.site_root)[1]
    return report


def _department_group(department, role, link, report):
    name = group_name(department, role)
    if link is not None:
        group = link.group
        if group.name != name and not Group.objects.filter(name=name).exists():
            group.name = name
            group.save(update_fields=["name"])
            report.groups_renamed += 1
        return group
    # A group of that name made by hand, and not yet another department's, is adopted rather than duplicated.
    group = Group.objects.filter(name=name, department_role__isnull=True).first()
    if group is None:
        group = Group.objects.create(name=name if not Group.objects.filter(name=name).exists()
                                     else f"{name} ({department.slug})"[:GROUP_NAME_LENGTH])
        report.groups_created += 1
    DepartmentGroup.objects.create(department=department, group=group, role=role)
    return group


def _permissions_by_name():
    page_codenames = set(MANAGER_PAGE_PERMISSIONS).union(*DEPARTMENT_PAGE_PERMISSIONS.values())
    names = set(MANAGER_MODEL_PERMISSIONS) | set(DEPARTMENT_MODEL_PERMISSIONS) | {
        f"wagtailcore.{codename}" for codename in page_codenames}
    found = {}
    for permission in Permission.objects.filter(
            codename__in={name.split(".", 1)[1] for name in names}).select_related("content_type"):
        name = f"{permission.content_type.app_label}.{permission.codename}"
        if name in names:
            found[name] = permission
    missing = names - found.keys()
    if missing:
        names = ", ".join(sorted(missing))
        raise LookupError(_("Chybí oprávnění %(names)s: nejdřív spusťte migrate.") % {"names": names})
    return found
