"""A throw-away PostgreSQL database beside the test database, for a site that runs outside pytest's process."""

import contextlib
import urllib.parse


@contextlib.contextmanager
def throwaway_database(url, suffix):
    """Yield the URL of a new database test_<name>_<suffix> on the server of `url`, dropped afterwards.

    A database of that name left by an interrupted run is dropped first. libpq reads the same URL, a unix
    socket's folder percent-encoded as the host included.
    """
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = f"test_{urllib.parse.unquote(parts.path.lstrip('/'))}_{suffix}"
    server = parts._replace(path="/postgres").geturl()

    def run(statement):
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    run("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    run("CREATE DATABASE {}")
    try:
        yield parts._replace(path=f"/{urllib.parse.quote(name)}").geturl()
    finally:
        run("DROP DATABASE IF EXISTS {} WITH (FORCE)")
