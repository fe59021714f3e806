import pytest
from django.conf import settings
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


@pytest.fixture(autouse=True)
def no_pages_kept_from_other_tests():
    """The database cache is rolled back with each test's data; in a cache outside it (Redis) kept pages get a
    new content version and Wagtail forgets its site root paths, so nothing from another test's data is served."""
    if not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        from wagtail.models import Site

        from navigator.pagecache import new_version

        new_version()
        Site.clear_site_root_paths_cache()
