import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission


@pytest.fixture
def editor(client_cs):
    """A logged-in superuser: the town hall's web editor."""
    user = get_user_model().objects.create_superuser("redaktor", "redaktor@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


@pytest.fixture
def admin_without_pages(client_cs):
    """Someone who may enter the admin but edit no page (e.g. a user who only manages documents)."""
    user = get_user_model().objects.create_user("bez-stranek", "bez@example.cz", "heslo-pro-test")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client_cs.force_login(user)
    return client_cs
