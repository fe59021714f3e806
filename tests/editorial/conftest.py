import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.groups import ensure_editorial_groups
from editorial.models import DepartmentGroup
from editorial.roles import MANAGERS_GROUP, Role
from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

OWNER = "odbor-obcanskospravni"
OTHER = "odbor-matrika"


@pytest.fixture
def editorial(db):
    """The editorial groups and the workflow, made inside the test's transaction."""
    return ensure_editorial_groups()


def make_member(username, department_slug=None, role=None):
    user = get_user_model().objects.create_user(username=username, password="heslo-pro-testy-1",
                                                email=f"{username}@example.cz")
    if department_slug:
        user.groups.add(DepartmentGroup.objects.get(department__slug=department_slug, role=role).group)
    return user


@pytest.fixture
def member(editorial):
    """make_member(username, department_slug=None, role=None): a user in that department's group."""
    return make_member


@pytest.fixture
def editor(editorial):
    return make_member("editor-a", OWNER, Role.EDITOR)


@pytest.fixture
def approver(editorial):
    return make_member("schvalovatel-a", OWNER, Role.APPROVER)


@pytest.fixture
def other_editor(editorial):
    return make_member("editor-b", OTHER, Role.EDITOR)


@pytest.fixture
def other_approver(editorial):
    return make_member("schvalovatel-b", OTHER, Role.APPROVER)


@pytest.fixture
def manager(editorial):
    user = make_member("spravce-obsahu")
    user.groups.add(Group.objects.get(name=MANAGERS_GROUP))
    return user


@pytest.fixture
def situation(db):
    """Změna trvalého pobytu, owned by odbor občanskosprávní."""
    return czech(SituationPage).get(slug="zmena-trvaleho-pobytu")


@pytest.fixture
def other_situation(db):
    """Narození dítěte, owned by the registry office (odbor-matrika)."""
    return czech(SituationPage).get(slug="narozeni-ditete")


@pytest.fixture
def service(db):
    return czech(ServicePage).get(slug="hlaseni-trvaleho-pobytu")


@pytest.fixture
def other_service(db):
    return czech(ServicePage).get(slug="vydani-rodneho-listu")


@pytest.fixture
def login(client_cs):
    """The test client signed in as the given user."""

    def sign_in(user):
        client_cs.force_login(user)
        return client_cs

    return sign_in
