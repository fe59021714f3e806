"""The workflow "Schválení odborem": an editor submits a page, an approver of its department publishes it."""

from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from .models import DepartmentApprovalTask

WORKFLOW_NAME = "Schválení odborem"
TASK_NAME = "Schválení odborem"


def ensure_department_workflow(site_root):
    """The workflow with its one task exists and covers the site; a second run changes nothing.

    The task and the workflow are found by type, not by name, so an administrator may rename them; a workflow
    an administrator has already put on the site's root page is left in place.
    Returns (workflow, created): created is True when anything was made.
    """
    created = False
    task = DepartmentApprovalTask.objects.order_by("pk").first()
    if task is None:
        task = DepartmentApprovalTask.objects.create(name=TASK_NAME)
        created = True
    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created = True
    if site_root is not None and not WorkflowPage.objects.filter(page=site_root).exists():
        WorkflowPage.objects.create(page=site_root, workflow=workflow)
        created = True
    return workflow, created
