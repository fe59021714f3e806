"""No double booking: N+1 processes booking a slot with N places at the same moment get exactly N bookings.

Each contender is a separate process with its own database connection, as gunicorn's workers are. On SQLite
the race runs on a file copy of the test database (a process cannot reach pytest's in-memory one); on
PostgreSQL (`make test-postgres`) on the test database itself, from which the race removes what it made.
"""

import json
import os
import sqlite3
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from django.db import connection

RACE = Path(__file__).with_name("race.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def race_database_url(django_db_setup, django_db_blocker, tmp_path_factory):
    """Where the racing processes book. A session fixture, so on SQLite the copy is made before a test's
    transaction takes the database's write lock (a backup under it would wait for ever)."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            copy = tmp_path_factory.mktemp("race") / "race.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(copy) as target:
                connection.connection.backup(target)
            return f"sqlite:///{copy}"
        parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
        return parts._replace(path="/" + urllib.parse.quote(connection.settings_dict["NAME"])).geturl()


@pytest.mark.django_db  # so that pytest-django sets up the test database even when this file runs alone
@pytest.mark.parametrize("places", [1, 3])
def test_n_plus_one_simultaneous_bookings_of_n_places_give_n(race_database_url, places):
    # The race commits in other processes; this test's own open transaction holds nothing they need.
    url = race_database_url
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "navigator.settings.test"}
    finished = subprocess.run([sys.executable, str(RACE), str(places)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    assert result["outcomes"] == ["booked"] * places + ["full"], result
    assert result["stored"] == places
    assert result["vendor"] == connection.vendor
