"""A service at the front desk: the desk's search opens it inside the desk, with where to go, what to bring,
fees and forms, and the situations it belongs to opened at the desk too."""

import pytest
from bs4 import BeautifulSoup

from services.fees import fee_rows
from services.models import ServicePage
from tests.czech import czech

pytestmark = pytest.mark.django_db
PASSPORT = "vydani-cestovniho-pasu"


def soup(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_service_opens_inside_the_desk_with_what_the_visitor_needs(clerk_client):
    service = czech(ServicePage).live().get(slug=PASSPORT)
    page = soup(clerk_client.get(f"/prepazka/sluzba/{PASSPORT}/"))
    assert page.h1.text == service.title
    assert page.select_one(".desk-header") and page.select_one("#desk-q")  # still the desk
    assert {li.text.split(",")[0] for li in page.select(".desk-offices li")} == \
        set(service.counters.live().values_list("title", flat=True))
    assert len(page.select(".desk-documents li")) == service.documents.count()
    assert len(page.select(".desk-fees tr")) == len(fee_rows([service]))
    situations = [a["href"] for a in page.select(".desk-part-of a")]
    assert "/prepazka/situace/cestovni-pas/" in situations
    assert page.select_one(".desk-take__public a")["href"] == service.url
    marked = {item.select_one(".desk-counter__name").text for item in page.select(".desk-counter--situation")}
    assert marked == set(service.counters.live().values_list("title", flat=True))


@pytest.mark.parametrize("slug", ["neexistuje", "%00", "a" * 5000, "%3Cscript%3E"])
def test_an_unknown_service_gives_the_desks_404(clerk_client, slug):
    page = soup(clerk_client.get(f"/prepazka/sluzba/{slug}/"), status=404)
    assert page.h1.text == "Tuto službu jsme nenašli"


def test_the_service_view_is_for_clerks_only(client_cs):
    response = client_cs.get(f"/prepazka/sluzba/{PASSPORT}/")
    assert response.status_code == 302 and response["Location"].startswith("/prepazka/prihlasit/")
