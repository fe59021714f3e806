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
