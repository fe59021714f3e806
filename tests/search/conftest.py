import pytest
from django.contrib.auth import get_user_model
from django.db import connection

# On PostgreSQL the query log wraps its one write in a savepoint (SAVEPOINT, RELEASE) when it runs inside a
# transaction, as every test does, so that a failed write cannot spoil the transaction around it. Requests in
# production run outside one (ATOMIC_REQUESTS is off) and pay the single statement.
LOG_WRITE_SAVEPOINT_QUERIES = 2 if connection.vendor == "postgresql" else 0

# What the search's analytics count as a person's browser (the test client sends no User-Agent at all).
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "Chrome/131.0.0.0 Safari/537.36"}


@pytest.fixture
def superuser_client(client_cs):
    user = get_user_model().objects.create_superuser("analytik", "analytik@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs
