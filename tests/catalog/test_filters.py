"""The A–Z catalog: filters through a FilterSet, with counts, combinable, in the URL, paginated, forgiving."""

import pytest
from bs4 import BeautifulSoup

from services.models import ServicePage
from tests.czech import czech

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed(page):
    return [a["href"] for a in page.select(".service-list__item a")]


def total(page):
    return int(page.select_one("#results-heading").text.split()[0])


def option_count(page, name, value):
    label = page.find("input", attrs={"name": name, "value": value}).find_parent("label")
    return int(label.select_one(".facet__count").text.strip("()"))


def test_unfiltered_catalog_lists_every_live_service_alphabetically(client_cs):
    page = soup(client_cs.get("/sluzby/"))
    assert total(page) == czech(ServicePage).live().count()


def test_department_filter_keeps_only_that_departments_services(client_cs):
    page = soup(client_cs.get("/sluzby/?department=odbor-matrika"))
    expected = czech(ServicePage).live().filter(department__slug="odbor-matrika").count()
    assert total(page) == expected > 0
    assert page.find("input", attrs={"name": "department", "value": "odbor-matrika"}).has_attr("checked")


def test_filters_combine_and_counts_match_what_choosing_them_gives(client_cs):
    page = soup(client_cs.get("/sluzby/?audience=businesses"))
    online_count = option_count(page, "channel", "online")
    combined = soup(client_cs.get("/sluzby/?audience=businesses&channel=online"))
    assert total(combined) == online_count
    assert 0 < total(combined) < total(page)


@pytest.mark.parametrize("name, value", [("audience", "citizens"), ("audience", "businesses"),
                                          ("department", "odbor-obcanskospravni"), ("topic", "doklady"),
                                          ("channel", "data_box")])
def test_each_options_count_is_what_choosing_it_shows(client_cs, name, value):
    base = "/sluzby/?department=odbor-obcanskospravni" if name != "department" else "/sluzby/?channel=online"
    shown = option_count(soup(client_cs.get(base)), name, value)
    assert total(soup(client_cs.get(f"{base}&{name}={value}"))) == shown


def test_topic_filter_finds_services_used_by_that_topics_situations(client_cs):
    page = soup(client_cs.get("/sluzby/?topic=podnikani"))
    assert "/sluzby/ohlaseni-volne-zivnosti/" in listed(page)
    assert "/sluzby/vydani-cestovniho-pasu/" not in listed(page)


def test_invalid_filter_values_give_the_catalog_with_a_message(client_cs):
    response = client_cs.get("/sluzby/?department=neexistuje&channel=teleport&audience=marsane&topic=%00")
    page = soup(response)
    notices = " ".join(n.text for n in page.select(".notice"))
    assert "Odbor" in notices and "Jak vyřídit" in notices and "Pro koho" in notices
    assert total(page) == czech(ServicePage).live().count()


def test_contradictory_filters_explain_that_nothing_matches(client_cs):
    page = soup(client_cs.get("/sluzby/?audience=businesses&topic=rodina&department=odbor-matrika"))
    assert total(page) == 0
    assert "Žádná služba neodpovídá" in page.text


def test_pagination_keeps_filters_and_forgives_bad_page_numbers(client_cs):
    first = soup(client_cs.get("/sluzby/?channel=in_person"))
    next_link = first.select_one('.pagination a[rel="next"]')
    assert next_link is not None and "channel=in_person" in next_link["href"]
    for bad in ("abc", "-1", "0", "99999", "1e9", "%00"):
        page = soup(client_cs.get(f"/sluzby/?page={bad}"))
        assert listed(page)
        assert page.select(".notice")


def test_unknown_parameters_are_ignored(client_cs):
    page = soup(client_cs.get("/sluzby/?utm_source=x&foo=bar"))
    assert total(page) == czech(ServicePage).live().count()


def test_an_unpublished_service_leaves_the_counts_of_the_next_filter(client_cs):
    """The list the counts are made from is kept per content version in each worker (services.service_list): a
    publish or unpublish shows in the very next filter's counts and list."""
    matrika = czech(ServicePage).live().filter(department__slug="odbor-matrika")
    assert option_count(soup(client_cs.get("/sluzby/?audience=citizens")), "department", "odbor-matrika") > 0
    service = matrika.order_by("title").first()
    service.unpublish()
    everything = soup(client_cs.get("/sluzby/?page=1"))
    assert total(everything) == czech(ServicePage).live().count()
    assert option_count(everything, "department", "odbor-matrika") == matrika.count()
    assert service.url not in listed(everything)
