"""Only signed-in clerks (and superusers) reach the front desk; others learn why, in Czech."""

from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from frontdesk.access import CLERK_GROUP

from tests.accounts import sign_in

pytestmark = pytest.mark.django_db
DESK_URLS = ["/prepazka/", "/prepazka/?q=st%C4%9Bhov%C3%A1n%C3%AD", "/prepazka/vysledky/?q=pas",
             "/prepazka/situace/zmena-trvaleho-pobytu/?odkud=jina-obec",
             "/prepazka/situace/zmena-trvaleho-pobytu/tisk/?odkud=jina-obec"]


def test_the_clerks_group_exists_on_every_install():
    assert Group.objects.filter(name=CLERK_GROUP).exists()


@pytest.mark.parametrize("url", DESK_URLS)
def test_anonymous_visitor_is_sent_to_the_login_page_and_back(client_cs, url):
    response = client_cs.get(url)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/prepazka/prihlasit/"
    assert parse_qs(location.query)["next"] == [url]


@pytest.mark.parametrize("url", DESK_URLS)
def test_signed_in_user_outside_the_group_gets_a_czech_403_page(client_cs, outsider, url):
    client_cs.force_login(outsider)
    response = client_cs.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="cs"' in html
    assert "Přepážka je jen pro pracovníky úřadu" in html
    assert "do skupiny „Přepážka“" in html
    assert "situace/zmena" not in html  # nothing of the desk leaks


@pytest.mark.parametrize("url", DESK_URLS)
def test_clerk_and_superuser_may_enter(client_cs, clerk, superuser, url):
    for user in (clerk, superuser):
        client_cs.force_login(user)
        assert client_cs.get(url).status_code == 200


def test_inactive_clerk_is_not_let_in(client_cs, clerk):
    client_cs.force_login(clerk)
    clerk.is_active = False
    clerk.save()
    assert client_cs.get("/prepazka/").status_code in (302, 403)


def test_front_desk_pages_are_never_cached(clerk_client):
    response = clerk_client.get("/prepazka/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_clerks_login_is_the_desks_and_entirely_czech(client_cs):
    response = client_cs.get("/prepazka/prihlasit/?next=/prepazka/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Přihlášení na přepážku" in html and "přepážky" in html
    for label in ("Uživatelské jméno", "Heslo", "Přihlásit se"):
        assert label in html
    for english in ("Password", "Username", "Sign in", "Log in", "Forgotten"):
        assert english not in html


def test_clerk_logs_in_through_the_desks_login_and_lands_where_they_were_going(client_cs, clerk, password):
    next_url = "/prepazka/situace/zmena-trvaleho-pobytu/"
    response = client_cs.post(f"/prepazka/prihlasit/?next={next_url}",
                              {"username": clerk.username, "password": password, "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    assert client_cs.get(next_url).status_code == 200


def test_a_wrong_password_is_told_in_czech_and_counted_by_the_login_lock(client_cs, clerk, settings):
    settings.AXES_FAILURE_LIMIT = 2
    response = client_cs.post("/prepazka/prihlasit/", {"username": clerk.username, "password": "spatne"})
    assert response.status_code == 200
    assert "Uživatelské jméno nebo heslo nesouhlasí" in response.content.decode()
    locked = client_cs.post("/prepazka/prihlasit/", {"username": clerk.username, "password": "spatne"})
    assert locked.status_code == 429 and "Příliš mnoho pokusů o přihlášení" in locked.content.decode()


@pytest.mark.parametrize("user", ["clerk", "outsider"])
def test_logging_out_works_without_admin_access_and_leads_back_to_the_login(client_cs, request, user):
    client_cs.force_login(request.getfixturevalue(user))
    html = client_cs.get("/prepazka/").content.decode()
    assert 'action="/prepazka/odhlasit/"' in html
    response = client_cs.post("/prepazka/odhlasit/")
    assert response.status_code == 302 and response["Location"] == "/prepazka/"
    assert client_cs.get("/prepazka/")["Location"].startswith("/prepazka/prihlasit/")


def run_demo_users():
    out = StringIO()
    call_command("ensure_demo_users", stdout=out)
    return out.getvalue()


def test_demo_users_command_creates_the_clerk_in_the_group(monkeypatch, settings, tmp_path, client_cs):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("DEMO_CLERK_PASSWORD", raising=False)
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "admin-heslo-z-prostredi")
    output = run_demo_users()
    password = (tmp_path / "demo-clerk-password.txt").read_text().strip()
    assert password and not (tmp_path / "demo-admin-password.txt").exists()
    assert f"{settings.SITE_URL}/prepazka/  username: prepazka  password: {password}" in output
    clerk = get_user_model().objects.get(username="prepazka")
    assert not clerk.is_staff and not clerk.is_superuser
    assert list(clerk.groups.values_list("name", flat=True)) == [CLERK_GROUP]
    assert sign_in(client_cs, "prepazka", password)
    assert client_cs.get("/prepazka/").status_code == 200

    run_demo_users()  # a second run keeps the generated password
    assert sign_in(client_cs, "prepazka", password)

    monkeypatch.setenv("DEMO_CLERK_PASSWORD", "heslo-z-prostredi")
    assert "password: heslo-z-prostredi" in run_demo_users()
    assert sign_in(client_cs, "prepazka", "heslo-z-prostredi")
