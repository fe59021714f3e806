"""Wagtail's permission checks: a department's editors and approvers act only on their department's pages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, get_page_models

from editorial.models import DepartmentGroup, department_page_models
from editorial.permissions import OwnedByContentManagersMixin
from editorial.roles import Role
from services.models import CounterIndexPage, CounterPage, ServiceIndexPage, ServicePage
from situations.models import HomePage, SituationPage, TopicPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

ACTIONS = ("can_edit", "can_publish", "can_unpublish", "can_delete", "can_move", "can_copy", "can_lock",
           "can_submit_for_moderation", "can_set_view_restrictions")
EVERYTHING = dict.fromkeys(ACTIONS, True)
NOTHING = dict.fromkeys(ACTIONS, False)
# An editor edits and submits; without publish permission Wagtail lets nobody delete or move a live page.
EDITOR = {**NOTHING, "can_edit": True, "can_copy": True, "can_submit_for_moderation": True}


def answers(page, user):
    tester = page.permissions_for_user(user)
    return {action: getattr(tester, action)() for action in ACTIONS}


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.cz", "heslo-pro-testy-1")


@pytest.mark.parametrize(("who", "expected"), [
    ("editor", EDITOR), ("approver", EVERYTHING), ("other_editor", NOTHING), ("other_approver", NOTHING),
    ("manager", EVERYTHING), ("superuser", EVERYTHING),
])
@pytest.mark.parametrize("page_fixture", ["situation", "service"])
def test_only_the_owning_department_acts_on_its_pages(request, who, expected, page_fixture):
    page = request.getfixturevalue(page_fixture)
    assert answers(page, request.getfixturevalue(who)) == expected


def test_a_plain_page_object_gets_the_same_answers_as_the_specific_page(situation, editor, other_editor):
    plain = Page.objects.get(pk=situation.pk)
    assert type(plain) is Page
    assert answers(plain, editor) == answers(situation, editor) == EDITOR
    assert answers(plain, other_editor) == NOTHING


def test_the_other_department_owns_its_own_pages(other_situation, other_service, other_editor, other_approver):
    for page in (other_situation, other_service):
        assert answers(page, other_editor) == EDITOR
        assert answers(page, other_approver) == EVERYTHING


def test_each_department_gives_its_own_role_to_a_member_of_two(situation, other_situation, member):
    both = member("dva-odbory", "odbor-obcanskospravni", Role.EDITOR)
    both.groups.add(DepartmentGroup.objects.get(department__slug="odbor-matrika", role=Role.APPROVER).group)
    assert answers(situation, both) == EDITOR
    assert answers(other_situation, both) == EVERYTHING


def test_pages_without_a_department_belong_to_the_content_managers(editor, approver, manager):
    orphan = czech(ServicePage).filter(department=None).first()
    assert answers(orphan, editor) == answers(orphan, approver) == NOTHING
    assert answers(orphan, manager) == EVERYTHING


@pytest.mark.parametrize("model", [HomePage, TopicPage, ServiceIndexPage, CounterIndexPage])
def test_structural_pages_are_the_content_managers(model, editor, approver, manager):
    page = model.objects.first()
    assert answers(page, editor) == answers(page, approver) == NOTHING
    assert answers(page, manager)["can_edit"] and answers(page, manager)["can_publish"]


def test_a_counter_is_kept_by_the_department_that_runs_it_and_another_offices_by_the_managers(
        editor, approver, other_editor, manager):
    own = czech(CounterPage).get(slug="klientske-centrum")
    assert own.department.slug == "odbor-obcanskospravni"
    assert answers(own, editor) == EDITOR and answers(own, approver) == EVERYTHING
    assert answers(own, other_editor) == NOTHING
    elsewhere = czech(CounterPage).get(slug="urad-prace")
    assert elsewhere.department is None
    assert answers(elsewhere, editor) == answers(elsewhere, approver) == NOTHING
    assert answers(elsewhere, manager) == EVERYTHING


def test_departments_add_their_pages_under_topics_and_the_catalog_but_nothing_else(editor, approver):
    topic, catalog = czech(TopicPage).get(slug="bydleni"), czech(ServiceIndexPage).get()
    home, counters = czech(HomePage).get(), czech(CounterPage).first().get_parent()
    for page in (topic, catalog):
        assert page.permissions_for_user(editor).can_add_subpage()
        assert not page.permissions_for_user(editor).can_publish_subpage()
        assert page.permissions_for_user(approver).can_publish_subpage()
        assert not page.permissions_for_user(approver).can_reorder_children()
    for page in (home, counters):
        assert not page.permissions_for_user(approver).can_add_subpage()


def test_an_approver_moves_and_copies_own_situations_only(situation, other_situation, approver):
    other_topic = TopicPage.objects.exclude(pk=situation.get_parent().pk).first()
    assert situation.permissions_for_user(approver).can_move_to(other_topic)
    assert situation.permissions_for_user(approver).can_copy_to(other_topic)
    assert not other_situation.permissions_for_user(approver).can_move_to(other_topic)
    assert not other_situation.permissions_for_user(approver).can_copy_to(other_topic)


def test_an_inactive_member_can_do_nothing(situation, approver):
    approver.is_active = False
    assert answers(situation, approver) == NOTHING


def test_someone_outside_every_editorial_group_can_do_nothing(situation, member):
    assert answers(situation, member("nikdo")) == NOTHING


def test_every_page_type_of_the_site_narrows_its_permissions():
    """A page type without one of the mixins would be fully editable by every department's groups."""
    unguarded = [model.__name__ for model in get_page_models()
                 if model is not Page and not issubclass(model, OwnedByContentManagersMixin)]
    assert not unguarded


def test_department_owned_types_are_exactly_situations_services_and_counters():
    assert set(department_page_models()) == {SituationPage, ServicePage, CounterPage}
