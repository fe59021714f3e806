"""Demo accounts for the editorial workflow: an editor and an approver of two departments."""

from dataclasses import dataclass

from navigator.demo.accounts import demo_password, ensure_user
from languages.locales import in_default_language
from services.models import Department

from .groups import ensure_editorial_groups
from .models import DepartmentGroup
from .roles import Role

# odbor-obcanskospravni owns "Změna trvalého pobytu"; the registry office owns births, marriages and deaths.
DEMO_DEPARTMENTS = ("odbor-obcanskospravni", "odbor-matrika")
PASSWORD_VARIABLE = "DEMO_EDITORS_PASSWORD"
USERNAME_PREFIXES = {Role.EDITOR: "editor", Role.APPROVER: "schvalovatel"}
ROLE_LABELS = {Role.EDITOR: "editor", Role.APPROVER: "approver"}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role_label: str
    department: str


def demo_username(department_slug, role):
    """editor-obcanskospravni, schvalovatel-matrika: the role and the department's slug without "odbor-"."""
    return f"{USERNAME_PREFIXES[role]}-{department_slug.removeprefix('odbor-')}"


def ensure_demo_editors():
    """The editorial groups exist, and each demo department has an editor and an approver in its groups.

    Passwords come from DEMO_EDITORS_PASSWORD, else each is generated once into var/demo-<username>-password.txt.
    A demo department missing from the catalog is skipped. Returns the DemoAccounts, for printing.
    """
    ensure_editorial_groups()
    links = DepartmentGroup.objects.filter(department__slug__in=DEMO_DEPARTMENTS).select_related("department", "group")
    groups = {(link.department.slug, link.role): link.group for link in links}
    accounts = []
    departments = {department.slug: department for department in in_default_language(Department.objects).filter(slug__in=DEMO_DEPARTMENTS)}
    for department in (departments[slug] for slug in DEMO_DEPARTMENTS if slug in departments):
        for role in (Role.EDITOR, Role.APPROVER):
            username = demo_username(department.slug, role)
            password = demo_password(PASSWORD_VARIABLE, f"demo-{username}-password.txt")
            user = ensure_user(username, password)
            user.groups.add(groups[department.slug, role])
            accounts.append(DemoAccount(username, password, ROLE_LABELS[role], department.name))
    return accounts
