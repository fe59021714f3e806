"""The workflow "Schválení odborem": an editor submits, only the page's own department's approver publishes."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from editorial.models import DepartmentApprovalTask
from editorial.workflows import WORKFLOW_NAME
from situations.models import HomePage
from tests.czech import czech

from .helpers import NEW_SUMMARY, client_for, edit_url, filled_form, refused

pytestmark = pytest.mark.django_db


def submit(editor, page, summary=NEW_SUMMARY):
    response = client_for(editor).post(edit_url(page), filled_form(editor, page, summary=summary,
                                                                   **{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    return page.current_workflow_task_state


def action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def test_the_site_is_covered_by_the_department_workflow(situation, editorial):
    assert czech(HomePage).get().get_workflow().name == WORKFLOW_NAME
    assert situation.get_workflow().name == WORKFLOW_NAME
    assert [type(task.specific) for task in situation.get_workflow().tasks] == [DepartmentApprovalTask]


def test_submitted_change_waits_for_the_owning_departments_approver(situation, editor, approver, other_approver):
    task_state = submit(editor, situation)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert isinstance(task_state.task.specific, DepartmentApprovalTask)
    assert situation.summary != NEW_SUMMARY  # nothing is live yet

    task = task_state.task.specific
    assert task.get_actions(situation, other_approver) == []
    assert task.get_actions(situation, editor) == []
    assert [name for name, _label, _modal in task.get_actions(situation, approver)] == ["reject", "approve", "approve"]
    assert task_state in TaskState.objects.reviewable_by(approver)
    assert task_state not in TaskState.objects.reviewable_by(other_approver)

    assert refused(client_for(other_approver).post(action_url(situation, "approve", task_state)))
    situation.refresh_from_db()
    assert situation.summary != NEW_SUMMARY and situation.workflow_in_progress

    assert client_for(approver).post(action_url(situation, "approve", task_state)).status_code == 302
    situation.refresh_from_db()
    assert situation.summary == NEW_SUMMARY and situation.live and not situation.has_unpublished_changes
    assert not situation.workflow_in_progress
    assert WorkflowState.objects.for_instance(situation).get().status == WorkflowState.STATUS_APPROVED


def test_another_approver_cannot_approve_through_a_page_of_their_own(situation, other_situation, editor,
                                                                     other_editor, other_approver):
    """Wagtail checks the actions against the page in the URL; the task state's own page must count."""
    task_state = submit(editor, situation)
    submit(other_editor, other_situation, summary="Změna matriky.")
    assert refused(client_for(other_approver).post(action_url(other_situation, "approve", task_state)))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_page_in_moderation_is_locked_for_its_editor(situation, editor):
    submit(editor, situation)
    revisions = situation.revisions.count()
    client_for(editor).post(edit_url(situation), filled_form(editor, situation, summary="Ještě jedna změna."))
    assert situation.revisions.count() == revisions


def test_approver_asks_for_changes_and_the_editor_resubmits(situation, editor, approver):
    task_state = submit(editor, situation)
    response = client_for(approver).post(action_url(situation, "reject", task_state), {"comment": "Doplňte lhůtu."})
    assert response.status_code == 302
    situation.refresh_from_db()
    assert situation.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    html = client_for(editor).get(edit_url(situation)).content.decode()
    assert "Doplňte lhůtu." in html
    again = submit(editor, situation, summary=NEW_SUMMARY + " Opraveno.")
    assert again.status == TaskState.STATUS_IN_PROGRESS and again.pk != task_state.pk


def test_the_owning_departments_approvers_get_an_email(situation, editor, approver, other_approver, manager):
    mail.outbox.clear()
    submit(editor, situation)
    recipients = {address for message in mail.outbox for address in message.to}
    assert approver.email in recipients and manager.email in recipients
    assert other_approver.email not in recipients and editor.email not in recipients


def test_the_dashboard_shows_the_approver_what_awaits_them(situation, editor, approver, other_approver):
    submit(editor, situation)
    assert situation.title in client_for(approver).get(reverse("wagtailadmin_home")).content.decode()
    assert situation.title not in client_for(other_approver).get(reverse("wagtailadmin_home")).content.decode()
