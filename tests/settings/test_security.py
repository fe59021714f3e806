"""The public site sends a strict Content-Security-Policy, and admin logins are rate-limited."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/bydleni/zmena-trvaleho-pobytu/", "/hledat/?q=pas", "/plan/", "/otevrena-data/", "/neexistuje/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_allow_scripts_only_from_our_own_files(client_cs, path):
    policy = client_cs.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


def test_public_pages_carry_no_inline_script_that_the_policy_would_block(client_cs):
    from bs4 import BeautifulSoup

    for path in PUBLIC:
        html = BeautifulSoup(client_cs.get(path).content, "html.parser")
        for script in html.find_all("script"):
            # Only external files, or data blocks that browsers never execute.
            assert script.get("src") or script.get("type") in ("application/ld+json", "application/json"), path
        assert not html.select("[onclick], [onload], [onsubmit], [onchange]"), path


def test_repeated_wrong_passwords_lock_the_login_with_a_clear_message(client_cs, settings):
    get_user_model().objects.create_user("zamek", "zamek@example.cz", "spravne-heslo-123")
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client_cs.post(url, {"username": "zamek", "password": "spatne"})
        assert response.status_code == 200  # the form again, with Wagtail's message
    response = client_cs.post(url, {"username": "zamek", "password": "spatne"})
    assert response.status_code == 429
    assert "Příliš mnoho pokusů o přihlášení" in response.content.decode()
    # Even the right password waits out the lock.
    response = client_cs.post(url, {"username": "zamek", "password": "spravne-heslo-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client_cs.session


def test_a_good_password_still_logs_in_and_clears_the_count(client_cs):
    get_user_model().objects.create_superuser("spravce", "spravce@example.cz", "spravne-heslo-123")
    url = reverse("wagtailadmin_login")
    client_cs.post(url, {"username": "spravce", "password": "spatne"})
    response = client_cs.post(url, {"username": "spravce", "password": "spravne-heslo-123"})
    assert response.status_code == 302


def test_behind_a_trusted_proxy_the_lock_falls_on_the_client_not_on_everyone(client_cs, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    get_user_model().objects.create_superuser("sdileny", "sdileny@example.cz", "spravne-heslo-123")
    url = reverse("wagtailadmin_login")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request reaches the site from the proxy
    for n in range(settings.AXES_FAILURE_LIMIT):
        # What a client writes into X-Forwarded-For itself does not get it out of the lock.
        attacker = {**proxy, "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 198.51.100.66"}
        response = client_cs.post(url, {"username": "sdileny", "password": "spatne"}, **attacker)
    assert response.status_code == 429
    someone_else = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    response = client_cs.post(url, {"username": "sdileny", "password": "spravne-heslo-123"}, **someone_else)
    assert response.status_code == 302
