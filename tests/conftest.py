import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the demo catalog, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def client_cs(client):
    """A client whose requests reach the default Wagtail site."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client
