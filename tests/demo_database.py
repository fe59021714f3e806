"""The sites tests run under gunicorn start from the session's loaded demo database (tests/conftest.py)."""

import shutil


def use_demo_database(demo_database, var_dir):
    """Put a copy of the loaded demo database where a site with NAVIGATOR_VAR_DIR=var_dir reads it; False when
    there is none to copy (PostgreSQL), and the site must load the catalog itself."""
    if demo_database is None:
        return False
    shutil.copyfile(demo_database, var_dir / "navigator.sqlite3")
    return True

