"""Editors preview what they have not saved yet: a situation with a new step (its service, a condition on a service,
a new document and deadline) shows in the preview, in a draft's revision view and in the workflow's preview."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from services.models import ServicePage
from situations.models import SituationPage
from tests.admin.test_guide_editing import form_data
from tests.czech import czech

pytestmark = pytest.mark.django_db

NEW_STEP = "Vyzvedněte si potvrzení o pobytu"
NEW_DEADLINE = "Potvrzení si vyzvedněte do měsíce"


@pytest.fixture
def editor(client_cs):
    user = get_user_model().objects.create_superuser("nahled", "nahled@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


@pytest.fixture
def moving():
    return czech(SituationPage).get(slug="zmena-trvaleho-pobytu")


@pytest.fixture
def service():
    """A service none of the situation's steps uses yet."""
    return czech(ServicePage).live().get(slug="vydani-cestovniho-pasu")


def append_row(data, prefix, fields):
    """A new row of an inline panel, after the rows it has, as Wagtail's "add" button makes one."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    data[f"{prefix}-{index}-id"] = ""
    data[f"{prefix}-{index}-ORDER"] = str(index + 1)


def with_unsaved_rows(editor, page, service):
    data = form_data(editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())
    step = data["steps-TOTAL_FORMS"]
    append_row(data, "steps", {"title": NEW_STEP, "text": rich_text("<p>Přijďte s občanským průkazem.</p>"),
                               "condition": ""})
    data.update({f"steps-{step}-service_uses-{name}": value for name, value in
                 (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))})
    append_row(data, f"steps-{step}-service_uses", {"service": str(service.pk)})
    append_row(data, "service_conditions", {"service": str(service.pk), "condition": "odkud = zahranici"})
    append_row(data, "deadlines", {"title": NEW_DEADLINE, "description": "", "days": "30", "condition": ""})
    document_field = next(key for key in data if key.startswith("documents-0-document"))
    append_row(data, "documents", {"document": data[document_field], "form": "copy",
                                   "applies_when": "jen pro nový doklad", "condition": ""})
    return data


def assert_shows_the_unsaved_rows(response, service):
    assert response.status_code == 200
    html = response.content.decode()
    assert NEW_STEP in html and NEW_DEADLINE in html and "jen pro nový doklad" in html
    assert service.title in html
    assert "Odkud se stěhujete?" in html  # the condition on the new service, spelled out


def test_preview_shows_unsaved_steps_services_and_conditions(editor, moving, service):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[moving.pk])
    response = editor.post(url, with_unsaved_rows(editor, moving, service))
    assert response.status_code == 200 and response.json()["is_valid"]
    assert_shows_the_unsaved_rows(editor.get(url), service)


def test_a_drafts_revision_view_shows_its_unsaved_steps(editor, moving, service):
    data = with_unsaved_rows(editor, moving, service)
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[moving.pk]), data)
    assert response.status_code == 302
    revision = Page.objects.get(pk=moving.pk).latest_revision
    assert NEW_STEP in str(revision.content) and not moving.steps.filter(title=NEW_STEP).exists()
    response = editor.get(reverse("wagtailadmin_pages:revisions_view", args=[moving.pk, revision.pk]))
    assert_shows_the_unsaved_rows(response, service)


def test_the_workflow_preview_shows_unsaved_steps(editor, moving, service):
    data = with_unsaved_rows(editor, moving, service)
    data["action-submit"] = "action-submit"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[moving.pk]), data)
    assert response.status_code == 302
    task = Page.objects.get(pk=moving.pk).current_workflow_task
    assert task is not None
    response = editor.get(reverse("wagtailadmin_pages:workflow_preview", args=[moving.pk, task.pk]))
    assert_shows_the_unsaved_rows(response, service)
