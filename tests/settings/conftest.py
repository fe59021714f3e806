"""A site folder prepared once as production prepares one (migrate, demo catalog, collected static files), which
the tests that start the site under gunicorn copy: the preparation is the slow part."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.demo_database import use_demo_database

ROOT = Path(__file__).resolve().parents[2]
PREPARED_SECRET_KEY = "production-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"


def clean_environment(**changes):
    """This process's environment without what pytest and the developer set for the site, plus `changes`."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "SITE_URL", "SECRET_KEY",
                          "SECRET_KEY_FILE", "NAVIGATOR_VAR_DIR", "LOCAL_HTTP", "ALLOWED_HOSTS"}}
    env.update(changes)
    return env


@pytest.fixture(scope="session")
def prepared_var(tmp_path_factory, demo_database_file):
    var_dir = tmp_path_factory.mktemp("prepared-var")
    env = clean_environment(DJANGO_SETTINGS_MODULE="navigator.settings.production", NAVIGATOR_VAR_DIR=str(var_dir),
                            SECRET_KEY=PREPARED_SECRET_KEY, ALLOWED_HOSTS="127.0.0.1", LOG_LEVEL="CRITICAL")
    loaded = use_demo_database(demo_database_file, var_dir)
    for command in (["migrate", "--no-input", "-v0"], None if loaded else ["load_demo", "-v0"],
                    ["collectstatic", "--no-input", "-v0"]):
        if command is None:
            continue
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return var_dir


def copy_prepared(prepared_var, var_dir):
    """A copy of the prepared folder in `var_dir`: its own database, the collected static files shared."""
    var_dir.mkdir(parents=True, exist_ok=True)
    for item in prepared_var.iterdir():
        if item.name == "static":
            (var_dir / "static").symlink_to(item, target_is_directory=True)
        elif item.is_file():
            shutil.copy2(item, var_dir / item.name)
    return var_dir
