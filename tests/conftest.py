import sqlite3

import pytest
from django.conf import settings
from django.core.management import call_command

# The loaded test database as an SQLite file (None on other databases), see demo_database_file.
_loaded_copy = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every test database starts with the demo catalog, loaded once per session."""
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)
        if connection.vendor == "sqlite":
            # Copied now, before any test can change it (a transactional test empties the tables it leaves).
            path = tmp_path_factory.mktemp("demo-database") / "navigator.sqlite3"
            connection.ensure_connection()
            copy = sqlite3.connect(path)
            try:
                connection.connection.backup(copy)
            finally:
                copy.close()
            _loaded_copy["path"] = path


@pytest.fixture(scope="session")
def demo_database_file(django_db_setup):
    """The session's freshly loaded database as an SQLite file, or None when the tests run on PostgreSQL.

    The sites the tests run under gunicorn (browser tests, production settings) start from a copy of it instead
    of loading the demo catalog again: loading it in three languages takes most of a minute.
    """
    return _loaded_copy.get("path")


@pytest.fixture
def client_cs(client):
    """A client whose requests reach the default Wagtail site."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def a_fresh_worker():
    """Each test starts as a worker that has just started, with nothing kept in its memory (navigator.kept): what
    a page costs, and what it shows, does not depend on the tests that ran before it."""
    from navigator.kept import forget_everything

    forget_everything()


@pytest.fixture(autouse=True)
def no_pages_kept_from_other_tests():
    """The database cache is rolled back with each test's data; in a cache outside it (Redis) kept pages get a
    new content version and Wagtail forgets its site root paths, so nothing from another test's data is served."""
    if not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        from wagtail.models import Site

        from navigator.pagecache import new_version

        new_version()
        Site.clear_site_root_paths_cache()
