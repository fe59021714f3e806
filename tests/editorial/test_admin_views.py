"""The admin's own views refuse another department's pages: edit, publish, unpublish, delete, move, copy, revisions."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from editorial.models import DepartmentGroup
from editorial.roles import Role
from services.models import Department
from situations.models import SituationPage, TopicPage
from tests.czech import czech

from .helpers import NEW_SUMMARY, client_for, edit_url, filled_form, form_data, refused

pytestmark = pytest.mark.django_db

def test_editor_opens_own_situation_but_not_another_departments(situation, other_situation, editor):
    client = client_for(editor)
    assert client.get(edit_url(situation)).status_code == 200
    assert refused(client.get(edit_url(other_situation)))


def test_saving_another_departments_page_is_refused_and_changes_nothing(situation, editor, other_editor,
                                                                         other_approver):
    data = filled_form(editor, situation, summary=NEW_SUMMARY)
    revisions = situation.revisions.count()
    for intruder in (other_editor, other_approver):
        assert refused(client_for(intruder).post(edit_url(situation), data))
        assert refused(client_for(intruder).post(edit_url(situation), {**data, "action-publish": "1"}))
    situation.refresh_from_db()
    assert situation.revisions.count() == revisions
    assert situation.get_latest_revision_as_object().summary != NEW_SUMMARY


def test_editor_saves_a_draft_but_cannot_publish(situation, editor):
    client = client_for(editor)
    html = client.get(edit_url(situation)).content.decode()
    assert 'name="action-publish"' not in html and 'name="action-submit"' in html
    publish = client.post(edit_url(situation), filled_form(editor, situation, summary=NEW_SUMMARY,
                                                           **{"action-publish": "1"}))
    assert publish.status_code == 200 and "zveřejňují jeho schvalovatelé" in publish.content.decode()
    assert client.post(edit_url(situation), filled_form(editor, situation, summary=NEW_SUMMARY)).status_code == 302
    situation.refresh_from_db()
    assert situation.summary != NEW_SUMMARY  # the live page is untouched
    assert situation.has_unpublished_changes
    assert situation.get_latest_revision_as_object().summary == NEW_SUMMARY


def test_approver_publishes_own_department_page(situation, approver):
    client = client_for(approver)
    data = filled_form(approver, situation, summary=NEW_SUMMARY, **{"action-publish": "1"})
    assert client.post(edit_url(situation), data).status_code == 302
    situation.refresh_from_db()
    assert situation.summary == NEW_SUMMARY and not situation.has_unpublished_changes


@pytest.mark.parametrize("view", ["unpublish", "delete", "copy", "move", "history"])
def test_other_departments_approver_reaches_none_of_the_page_actions(situation, other_approver, view):
    client = client_for(other_approver)
    url = reverse(f"wagtailadmin_pages:{view}", args=[situation.pk])
    assert refused(client.get(url))
    if view in ("unpublish", "delete"):
        assert refused(client.post(url))
    situation.refresh_from_db()
    assert situation.live


def test_own_departments_approver_reaches_them(situation, approver):
    client = client_for(approver)
    for view in ("unpublish", "delete", "copy", "move", "history"):
        assert client.get(reverse(f"wagtailadmin_pages:{view}", args=[situation.pk])).status_code == 200, view


def test_move_and_copy_of_another_departments_page_are_refused(situation, other_approver):
    client = client_for(other_approver)
    destination = TopicPage.objects.exclude(pk=situation.get_parent().pk).first()
    assert refused(client.post(reverse("wagtailadmin_pages:move_confirm", args=[situation.pk, destination.pk])))
    copy = client.post(reverse("wagtailadmin_pages:copy", args=[situation.pk]),
                       {"new_title": "Kopie", "new_slug": "kopie-pobytu", "new_parent_page": destination.pk})
    assert refused(copy)
    situation.refresh_from_db()
    assert situation.get_parent().pk != destination.pk
    assert not Page.objects.filter(slug="kopie-pobytu").exists()


def test_revisions_and_revert_of_another_departments_page_are_refused(situation, editor, other_editor):
    client_for(editor).post(edit_url(situation), filled_form(editor, situation, summary=NEW_SUMMARY))
    revision = situation.revisions.order_by("-created_at").first()
    client = client_for(other_editor)
    assert refused(client.get(reverse("wagtailadmin_pages:revisions_view", args=[situation.pk, revision.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:revisions_revert", args=[situation.pk, revision.pk])))
    assert client_for(editor).get(
        reverse("wagtailadmin_pages:revisions_revert", args=[situation.pk, revision.pk])).status_code == 200


def edit_links(html):
    return {link["href"] for link in BeautifulSoup(html, "html.parser").select("a[href]")
            if link["href"].startswith("/admin/pages/") and link["href"].endswith("/edit/")}


def test_the_explorer_lists_every_situation_but_offers_editing_only_of_own(situation, editor):
    topic = situation.get_parent()
    html = client_for(editor).get(reverse("wagtailadmin_explore", args=[topic.pk])).content.decode()
    others = SituationPage.objects.child_of(topic).exclude(department=situation.department)
    assert others.exists()
    for page in SituationPage.objects.child_of(topic):
        assert page.title in html
    links = edit_links(html)
    assert edit_url(situation) in links
    assert not links & {edit_url(page) for page in others}
    assert edit_url(topic) not in links


def test_the_explorer_menu_api_lists_pages_of_the_whole_site(situation, other_situation, editor):
    response = client_for(editor).get("/admin/api/main/pages/", {"child_of": other_situation.get_parent().pk})
    assert response.status_code == 200
    assert other_situation.pk in {item["id"] for item in response.json()["items"]}


def test_the_department_field_offers_only_own_departments(situation, editor):
    html = client_for(editor).get(edit_url(situation)).content.decode()
    select = BeautifulSoup(html, "html.parser").select_one("select[name=department]")
    assert [option["value"] for option in select.select("option")] == [str(situation.department_id)]


def test_an_editor_cannot_hand_a_page_to_another_department(situation, editor):
    other = czech(Department).get(slug="odbor-matrika")
    response = client_for(editor).post(edit_url(situation), filled_form(editor, situation, department=other.pk))
    assert response.status_code == 200  # the form again, with the error
    situation.refresh_from_db()
    assert situation.get_latest_revision_as_object().department_id != other.pk


def test_editor_creates_a_situation_of_own_department_under_a_topic(situation, editor):
    topic = situation.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["situations", "situationpage", topic.pk])
    client = client_for(editor)
    data = form_data(client.get(url).content.decode())
    assert data["department"] == str(situation.department_id)  # preselected: the only choice
    data.update(title="Nová situace", slug="nova-situace", summary="Komu a s čím pomůže.")
    assert client.post(url, data).status_code == 302
    created = czech(SituationPage).get(slug="nova-situace")
    assert created.department_id == situation.department_id and not created.live
    assert created.permissions_for_user(editor).can_edit()


def test_a_manager_chooses_any_department_and_edits_structural_pages(situation, manager):
    client = client_for(manager)
    assert client.get(edit_url(situation.get_parent())).status_code == 200
    html = client.get(edit_url(situation)).content.decode()
    assert BeautifulSoup(html, "html.parser").select_one("select[name=department]") is None  # Wagtail's chooser


def test_a_member_of_two_departments_publishes_only_where_they_approve(situation, member):
    user = member("dva-odbory", "odbor-obcanskospravni", Role.EDITOR)
    user.groups.add(DepartmentGroup.objects.get(department__slug="odbor-matrika", role=Role.APPROVER).group)
    topic = situation.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["situations", "situationpage", topic.pk])
    client = client_for(user)
    data = form_data(client.get(url).content.decode())
    data.update(title="Nová situace", slug="nova-situace", summary="Komu a s čím pomůže.",
                department=situation.department_id, **{"action-publish": "1"})
    response = client.post(url, data)
    assert response.status_code == 200 and "zveřejňují jeho schvalovatelé" in response.content.decode()
    assert not czech(SituationPage).filter(slug="nova-situace").exists()
    data["department"] = czech(Department).get(slug="odbor-matrika").pk
    assert client.post(url, data).status_code == 302
    assert czech(SituationPage).get(slug="nova-situace").live


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_bulk_actions_skip_another_departments_pages(situation, other_situation, approver, action):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    query = f"?id={situation.pk}&id={other_situation.pk}&next=/admin/"
    client_for(approver).post(url + query, {"include_descendants": "", "unpublish_descendants": ""})
    assert not Page.objects.filter(pk=situation.pk, live=True).exists()  # own page: done
    assert Page.objects.filter(pk=other_situation.pk, live=True).exists()  # the other's: left alone
