"""A worker loads what its first visitor would wait for before it is forked (navigator/warmup.py), and nothing of
it is a database connection the forked workers would share."""

import gc

import pytest
from django.template import engines

from navigator import warmup


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_warming_up_compiles_every_template_and_reads_no_database(unfrozen):
    # Without the django_db mark, pytest-django refuses any database access with an error.
    warmup.warm_up()
    names = list(warmup.site_templates())
    assert "base.html" in names and "situations/situation_page.html" in names
    loader = engines["django"].engine.template_loaders[0]
    assert loader.__class__.__name__ == "Loader" and loader.__module__.endswith("cached")
    compiled = {template.origin.template_name for template in loader.get_template_cache.values()
                if hasattr(template, "origin")}
    assert set(names) <= compiled
    assert gc.get_freeze_count() > 0


def test_gunicorns_master_hands_no_database_connection_to_its_workers(monkeypatch):
    """gunicorn.conf.py loads the application in the master and closes whatever connection that opened before each
    worker is forked."""
    import runpy

    from django.conf import settings
    from django.db import connections

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    config = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    config["pre_fork"](server=None, worker=None)
    assert closed == [True]
