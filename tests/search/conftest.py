import pytest
from django.contrib.auth import get_user_model

# What the search's analytics count as a person's browser (the test client sends no User-Agent at all).
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "Chrome/131.0.0.0 Safari/537.36"}


@pytest.fixture
def superuser_client(client_cs):
    user = get_user_model().objects.create_superuser("analytik", "analytik@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs
