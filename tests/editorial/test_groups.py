"""The editorial groups, their permissions, the workflow and the demo accounts are made safely again and again."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Site, Workflow, WorkflowPage

from editorial.demo import DEMO_DEPARTMENTS, demo_username
from editorial.groups import ensure_editorial_groups, group_name
from editorial.models import DepartmentApprovalTask, DepartmentGroup
from editorial.roles import MANAGERS_GROUP, Role
from services.models import Department

from .helpers import client_for

from tests.accounts import sign_in
from tests.czech import czech

pytestmark = pytest.mark.django_db


def page_permissions(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True))


def test_every_department_has_its_editors_and_approvers(editorial):
    for department in czech(Department).all():
        links = {link.role: link.group for link in department.editorial_groups.select_related("group")}
        assert links[Role.EDITOR].name == f"{department.name} – editoři"
        assert links[Role.APPROVER].name == f"{department.name} – schvalovatelé"
    assert Group.objects.get(name="Odbor občanskosprávní – editoři").department_role.role == Role.EDITOR


def test_groups_hold_their_permissions_on_the_whole_site(editorial):
    root = Site.objects.get(is_default_site=True).root_page
    editors = Group.objects.get(name="Matrika – editoři")
    approvers = Group.objects.get(name="Matrika – schvalovatelé")
    managers = Group.objects.get(name=MANAGERS_GROUP)
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("page", flat=True)) == {root.pk}
    assert page_permissions(editors) == {"add_page", "change_page"}
    assert page_permissions(approvers) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert "bulk_delete_page" in page_permissions(managers)
    snippets = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.select_related("content_type")}
    assert snippets == {"wagtailadmin.access_admin", "services.add_requireddocument", "services.add_applicationform"}
    assert managers.permissions.filter(codename="change_requireddocument").exists()


def test_a_second_run_writes_nothing(editorial):
    with CaptureQueriesContext(connection) as queries:
        report = ensure_editorial_groups()
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert (report.groups_created, report.groups_renamed, report.permissions_added) == (0, 0, 0)
    assert not report.workflow_created
    assert Workflow.objects.filter(name="Schválení odborem").count() == 1
    assert DepartmentApprovalTask.objects.count() == 1


def test_a_renamed_department_renames_its_groups_and_keeps_their_members(editorial):
    department = czech(Department).get(slug="odbor-matrika")
    group = DepartmentGroup.objects.get(department=department, role=Role.EDITOR).group
    user = get_user_model().objects.create_user("clen-matriky")
    user.groups.add(group)
    department.name = "Odbor matriky"
    department.save()
    assert ensure_editorial_groups().groups_renamed == 2
    group.refresh_from_db()
    assert group.name == "Odbor matriky – editoři" and user.groups.filter(pk=group.pk).exists()


def test_a_group_made_by_hand_with_the_right_name_is_adopted(db):
    department = czech(Department).get(slug="odbor-dopravy")
    by_hand = Group.objects.create(name=group_name(department, Role.APPROVER))
    ensure_editorial_groups()
    assert DepartmentGroup.objects.get(department=department, role=Role.APPROVER).group == by_hand


def test_a_long_department_name_still_makes_a_valid_group_name(db):
    department = Department(name="Odbor " + "velmi dlouhého názvu " * 10, slug="dlouhy")
    name = group_name(department, Role.APPROVER)
    assert len(name) <= 150 and name.endswith(" – schvalovatelé")


def test_a_workflow_chosen_by_an_administrator_for_the_site_is_kept(db):
    root = Site.objects.get(is_default_site=True).root_page
    chosen = Workflow.objects.create(name="Vlastní schvalování")
    WorkflowPage.objects.create(page=root, workflow=chosen)
    ensure_editorial_groups()
    assert root.get_workflow() == chosen


def test_a_department_added_in_the_admin_gets_its_groups_at_once(db):
    admin = get_user_model().objects.create_superuser("spravce", "spravce@example.cz", "heslo-pro-testy-1")
    response = client_for(admin).post(reverse("wagtailsnippets_services_department:add"),
                                      {"name": "Odbor kultury", "slug": "odbor-kultury"})
    assert response.status_code == 302
    assert set(czech(Department).get(slug="odbor-kultury").editorial_groups.values_list("group__name", flat=True)) \
        == {"Odbor kultury – editoři", "Odbor kultury – schvalovatelé"}


def test_the_command_reports_what_it_did(db):
    out = StringIO()
    call_command("ensure_editorial_groups", stdout=out)
    assert "25 nových" in out.getvalue() and "workflow založeno" in out.getvalue()
    out = StringIO()
    call_command("ensure_editorial_groups", stdout=out)
    assert "0 nových, 0 přejmenovaných, 0 nových oprávnění, workflow beze změny" in out.getvalue()


def test_demo_users_get_an_editor_and_an_approver_per_demo_department(monkeypatch, settings, tmp_path, client_cs):
    settings.VAR_DIR = tmp_path
    for variable in ("DEMO_EDITORS_PASSWORD", "DEMO_ADMIN_PASSWORD", "DEMO_CLERK_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    out = StringIO()
    call_command("ensure_demo_users", stdout=out)
    for slug in DEMO_DEPARTMENTS:
        for role in Role:
            username = demo_username(slug, role)
            password = (tmp_path / f"demo-{username}-password.txt").read_text().strip()
            assert f"username: {username}  password: {password}" in out.getvalue()
            user = get_user_model().objects.get(username=username)
            assert not user.is_superuser and not user.is_staff
            link = user.groups.get().department_role
            assert (link.department.slug, link.role) == (slug, role)
            assert sign_in(client_cs, username, password)
            assert client_cs.get(reverse("wagtailadmin_home")).status_code == 200
    assert demo_username("odbor-obcanskospravni", Role.EDITOR) == "editor-obcanskospravni"
    assert demo_username("odbor-matrika", Role.APPROVER) == "schvalovatel-matrika"

    monkeypatch.setenv("DEMO_EDITORS_PASSWORD", "heslo-redakce")
    call_command("ensure_demo_users", stdout=StringIO())
    assert sign_in(client_cs, "editor-obcanskospravni", "heslo-redakce")
