import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/neexistuje/", "/bydleni/neexistuje/", "/sluzby/neni-to-tu/",
                                 "/pracoviste/xyz/", "/%C0%AF/"])
def test_unknown_pages_give_the_sites_404_page(client_cs, url):
    response = client_cs.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Tuto stránku jsme nenašli" in html and 'lang="cs"' in html


def test_server_error_page_is_in_the_sites_look(client_cs, monkeypatch):
    from situations.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client_cs.raise_request_exception = False
    response = client_cs.get("/")
    assert response.status_code == 500
    assert "něco se pokazilo" in response.content.decode()
    assert "boom" not in response.content.decode()


def test_robots_txt_points_at_the_sitemap(client_cs):
    response = client_cs.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_situations_services_and_counters(client_cs):
    xml = client_cs.get("/sitemap.xml").content.decode()
    for path in ("/bydleni/zmena-trvaleho-pobytu/", "/sluzby/vydani-cestovniho-pasu/", "/pracoviste/matrika/"):
        assert f"http://localhost{path}" in xml


@pytest.mark.parametrize("query", ["a" * 5000, "ob%C4%8D%00anka", "%ED%A0%80rozbit%C3%A9", "%C3", "%20%20"])
def test_search_page_survives_bad_input(client_cs, query):
    response = client_cs.get(f"/hledat/?q={query}")
    assert response.status_code == 200


def test_overlong_query_is_cut_with_a_notice(client_cs):
    html = client_cs.get("/hledat/", {"q": "pas " * 1000}).content.decode()
    assert "Dotaz byl příliš dlouhý" in html


def test_health_check_answers_ok_without_the_database(client_cs, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client_cs.get("/health/")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain") and "no-cache" in response["Cache-Control"]
    assert client_cs.head("/health/").status_code == 200
