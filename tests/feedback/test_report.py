"""Editors read the answers under Výkazy → Zpětná vazba: per page and one by one, filtered, exported."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook

from feedback.models import Feedback, Reason
from editorial.groups import ensure_editorial_groups
from editorial.models import DepartmentGroup
from editorial.roles import MANAGERS_GROUP, Role
from feedback.reports import visible_feedback
from feedback.summary import summarise

pytestmark = pytest.mark.django_db

SUMMARY = "feedback_report"
ANSWERS = "feedback_comments_report"


def add(page, useful, reasons=(), comment="", created=None):
    feedback = Feedback(page=page, useful=useful, comment=comment, created=created or date.today())
    feedback.set_reasons(reasons)
    feedback.save()
    return feedback


@pytest.fixture
def answers(moving, service):
    """Moving: 3× yes, 2× no (one with reasons and a script comment); the service: 1× no, 40 days ago."""
    for _ in range(3):
        add(moving, True)
    add(moving, False)
    add(moving, False, [Reason.WHERE, Reason.FEES], '<script>alert("x")</script> Kde to je?')
    add(service, False, [Reason.WHERE], "Starý komentář.", created=date.today() - timedelta(days=40))


@pytest.fixture
def admin_client(client_cs):
    user = get_user_model().objects.create_superuser("analytik", "analytik@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


def csv_rows(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_the_summary_counts_per_page_match_the_database(answers, moving):
    rows = {row["page"]: row for row in summarise(Feedback.objects.all())}
    row = rows[moving.pk]
    assert (row["answers"], row["yes_count"], row["no_count"], row["comment_count"]) == (5, 3, 2, 1)
    assert row["useful_share"] == pytest.approx(60.0)
    assert (row["where_count"], row["fees_count"], row["steps_count"]) == (1, 1, 0)
    assert row["department_name"] == moving.department.name
    assert row["latest_comment"].startswith("<script>")


def test_the_summary_report_shows_pages_counts_and_escaped_comments(admin_client, answers, moving):
    response = admin_client.get(reverse(SUMMARY))
    assert response.status_code == 200
    html = response.content.decode()
    assert moving.title in html and "60 %" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Kde to je?" in html
    assert '<script>alert("x")</script>' not in html
    assert f"{reverse(ANSWERS)}?page={moving.pk}" in html


def test_the_summary_csv_matches_the_database(admin_client, answers, moving, service):
    rows = csv_rows(admin_client.get(reverse(SUMMARY), {"export": "csv"}))
    assert rows[0] == ["ID stránky", "Stránka", "Odbor", "Odpovědí", "Ano", "Ne", "Užitečná (%)", "Postup",
                       "Co s sebou", "Kam jít", "Poplatky", "Něco jiného", "Komentářů", "Poslední odpověď",
                       "Poslední komentář"]
    by_page = {row[0]: row for row in rows[1:]}
    assert len(by_page) == Feedback.objects.values("page").distinct().count() == 2
    moving_row = by_page[str(moving.pk)]
    assert moving_row[1:13] == [moving.title, moving.department.name, "5", "3", "2", "60.0",
                                "0", "0", "1", "1", "0", "1"]
    assert moving_row[14] == '<script>alert("x")</script> Kde to je?'
    assert by_page[str(service.pk)][3:6] == ["1", "0", "1"]


def test_the_summary_filters_by_period_and_department(admin_client, answers, moving, service):
    week_ago = (date.today() - timedelta(days=7)).isoformat()
    recent = admin_client.get(reverse(SUMMARY), {"created_from": week_ago, "export": "csv"})
    assert [row[0] for row in csv_rows(recent)[1:]] == [str(moving.pk)]

    query = {"department": service.department.pk, "export": "csv"}
    rows = csv_rows(admin_client.get(reverse(SUMMARY), query))
    assert [row[0] for row in rows[1:]] == [str(service.pk)]


def test_the_answers_list_shows_each_answer_escaped_and_filters(admin_client, answers, moving, service):
    response = admin_client.get(reverse(ANSWERS))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Kde to je?" in html
    assert '<script>alert("x")</script>' not in html
    assert "Kam jít, Poplatky" in html

    filtered = admin_client.get(reverse(ANSWERS), {"page": service.pk}).content.decode()
    assert "Starý komentář." in filtered and "Kde to je?" not in filtered
    only_yes = admin_client.get(reverse(ANSWERS), {"useful": "true", "export": "csv"})
    assert len(csv_rows(only_yes)) == 1 + 3
    with_comment = csv_rows(admin_client.get(reverse(ANSWERS), {"with_comment": "true", "export": "csv"}))
    assert len(with_comment) == 1 + 2
    by_department = csv_rows(admin_client.get(reverse(ANSWERS), {"department": moving.department.pk,
                                                                   "export": "csv"}))
    assert len(by_department) == 1 + Feedback.objects.for_department(moving.department).count()


def test_the_answers_csv_rows_match_the_database(admin_client, answers, moving):
    rows = csv_rows(admin_client.get(reverse(ANSWERS), {"export": "csv"}))
    assert rows[0] == ["Den", "ID stránky", "Stránka", "Odbor", "Užitečná", "Co chybělo nebo nebylo jasné",
                       "Komentář"]
    assert len(rows) == 1 + Feedback.objects.count()
    assert rows[1] == [date.today().isoformat(), str(moving.pk), moving.title, moving.department.name, "Ne",
                       "Kam jít, Poplatky", '<script>alert("x")</script> Kde to je?']
    assert sorted(row[4] for row in rows[1:]) == ["Ano"] * 3 + ["Ne"] * 3


def test_a_comment_that_looks_like_a_formula_cannot_run_in_a_spreadsheet(admin_client, moving):
    add(moving, False, comment='=HYPERLINK("http://evil.example","klikni")')
    rows = csv_rows(admin_client.get(reverse(ANSWERS), {"export": "csv"}))
    assert rows[1][6] == "'=HYPERLINK(\"http://evil.example\",\"klikni\")"
    response = admin_client.get(reverse(ANSWERS), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = sheet.cell(row=2, column=7)
    assert cell.data_type == "s" and cell.quotePrefix and cell.value.startswith("=HYPERLINK")


def test_the_reports_are_in_the_reports_menu(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(SUMMARY) in html


def test_anonymous_users_go_to_the_login(client_cs):
    for name in (SUMMARY, ANSWERS):
        response = client_cs.get(reverse(name))
        assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_only_holders_of_the_permission_read_the_answers(client_cs, answers):
    user = get_user_model().objects.create_user("redaktor", "redaktor@example.cz", "heslo-pro-test")
    group = Group.objects.create(name="Odbor občanskosprávní – redakce")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client_cs.force_login(user)
    for name in (SUMMARY, ANSWERS):
        assert client_cs.get(reverse(name)).status_code in (302, 403)

    permission = Permission.objects.get(content_type__app_label="feedback", codename="view_feedback")
    group.permissions.add(permission)
    user = get_user_model().objects.get(pk=user.pk)
    client_cs.force_login(user)
    for name in (SUMMARY, ANSWERS):
        assert client_cs.get(reverse(name)).status_code == 200


def test_a_departments_editor_reads_only_the_answers_on_the_departments_pages(client_cs, answers, moving, service):
    permission = Permission.objects.get(content_type__app_label="feedback", codename="view_feedback")
    ensure_editorial_groups()
    editor = get_user_model().objects.create_user("editor-feedback", "e@example.cz", "heslo-pro-test")
    editor.groups.add(DepartmentGroup.objects.get(department=moving.department, role=Role.EDITOR).group)
    manager = get_user_model().objects.create_user("spravce-feedback", "s@example.cz", "heslo-pro-test")
    manager.groups.add(Group.objects.get(name=MANAGERS_GROUP))
    for user in (editor, manager):
        user.user_permissions.add(permission)

    assert set(visible_feedback(editor).values_list("page_id", flat=True)) == {moving.pk}
    assert set(visible_feedback(manager).values_list("page_id", flat=True)) == {moving.pk, service.pk}
    client_cs.force_login(editor)
    rows = csv_rows(client_cs.get(reverse(ANSWERS), {"export": "csv"}))
    assert len(rows) == 1 + 5 and "Starý komentář." not in str(rows)


def test_the_permission_is_offered_on_the_group_page(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    permission = Permission.objects.get(content_type__app_label="feedback", codename="view_feedback")
    assert f'value="{permission.pk}"' in html
