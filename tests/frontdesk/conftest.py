import pytest
from django.contrib.auth import get_user_model

from frontdesk.access import clerk_group

PASSWORD = "heslo-pro-testy-1"


def make_user(username, **flags):
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **flags)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def clerk(db):
    user = make_user("urednice")
    user.groups.add(clerk_group())
    return user


@pytest.fixture
def outsider(db):
    return make_user("redaktor", is_staff=True)


@pytest.fixture
def superuser(db):
    return make_user("spravce", is_staff=True, is_superuser=True)


@pytest.fixture
def clerk_client(client_cs, clerk):
    client_cs.force_login(clerk)
    return client_cs
