"""Wagtail's read-only API v2: live pages and the snippets, and a clear Czech 400 for every bad parameter."""

import pytest

from services.models import ApplicationForm, Department, RequiredDocument, ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_pages_list_live_pages_and_filter_by_type_and_field(client_cs):
    data = get_json(client_cs, "/api/v2/pages/?type=situations.SituationPage&fields=summary,audience&limit=100")
    assert data["meta"]["total_count"] == czech(SituationPage).live().count()
    first = data["items"][0]
    assert set(first) >= {"id", "meta", "title", "summary", "audience"}
    businesses = get_json(client_cs, "/api/v2/pages/?type=situations.SituationPage&audience=businesses")
    assert businesses["meta"]["total_count"] == czech(SituationPage).live().filter(audience="businesses").count()


def test_a_situation_in_detail_has_its_steps_with_live_services_documents_and_department(client_cs):
    situation = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    hidden = czech(ServicePage).get(slug="overeni-podpisu")
    hidden.unpublish()
    data = get_json(client_cs, f"/api/v2/pages/{situation.pk}/")
    assert data["title"] == situation.title and data["meta"]["type"] == "situations.SituationPage"
    assert data["department"]["name"] == situation.department.name
    assert data["department"]["meta"]["detail_url"].endswith(f"/api/v2/departments/{situation.department_id}/")
    step_services = [service["slug"] for step in data["steps"] for service in step["services"]]
    assert "hlaseni-trvaleho-pobytu" in step_services and hidden.slug not in step_services
    assert data["documents"][0]["document"]["meta"]["type"] == "services.RequiredDocument"
    assert data["documents"][0]["document"]["name"]


def test_a_draft_page_is_not_found(client_cs):
    service = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    service.unpublish()
    data = get_json(client_cs, f"/api/v2/pages/{service.pk}/", status=404)
    assert data == {"message": "Nenalezeno."}


def test_find_by_address_redirects_to_the_detail(client_cs):
    situation = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    response = client_cs.get("/api/v2/pages/find/?html_path=/bydleni/zmena-trvaleho-pobytu/")
    assert response.status_code == 302 and response["Location"].endswith(f"/api/v2/pages/{situation.pk}/?")


def test_a_counter_lists_its_hours(client_cs):
    data = get_json(client_cs, "/api/v2/pages/?type=services.CounterPage&slug=czech-point&fields=street,opening_hours")
    counter = data["items"][0]
    assert counter["street"] == "Náměstí Míru 1"
    assert counter["opening_hours"][0] | {"id": None, "meta": None} == {
        "id": None, "meta": None, "weekday": 0, "opens": "08:00:00", "closes": "12:00:00"}


@pytest.mark.parametrize(("endpoint", "model", "field", "value"), [
    ("departments", Department, "name", lambda obj: obj.name),
    ("required-documents", RequiredDocument, "name", lambda obj: obj.name),
    ("forms", ApplicationForm, "title", lambda obj: obj.title),
])
def test_snippet_endpoints_list_and_detail(client_cs, endpoint, model, field, value):
    listing = get_json(client_cs, f"/api/v2/{endpoint}/?limit=100")
    assert listing["meta"]["total_count"] == czech(model).count()
    assert [item["slug"] for item in listing["items"]] == sorted(czech(model).values_list("slug", flat=True))
    obj = czech(model).order_by("slug").first()
    detail = get_json(client_cs, f"/api/v2/{endpoint}/{obj.pk}/")
    assert detail[field] == value(obj) and detail["meta"]["type"] == f"services.{model.__name__}"


def test_snippets_filter_by_their_fields(client_cs):
    fetched = get_json(client_cs, "/api/v2/required-documents/?fetched_by_office=true&limit=100")
    assert fetched["meta"]["total_count"] == czech(RequiredDocument).filter(fetched_by_office=True).count()
    online = get_json(client_cs, "/api/v2/forms/?kind=online&fields=link&limit=100")
    assert online["meta"]["total_count"] == czech(ApplicationForm).filter(kind="online").count()
    assert all(item["link"].startswith("http") for item in online["items"])


def test_anyone_may_read_it_from_a_browser_script(client_cs):
    assert client_cs.get("/api/v2/departments/")["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(("query", "message"), [
    ("limit=abc", "Parametr limit musí být celé nezáporné číslo."),
    ("limit=-1", "Parametr limit musí být celé nezáporné číslo."),
    ("limit=1000", "Parametr limit smí být nejvýše 100."),
    ("offset=-1", "Parametr offset musí být celé nezáporné číslo."),
    ("offset=1e5", "Parametr offset musí být celé nezáporné číslo."),
    ("type=nonexistent.Model", "Takový typ stránky neexistuje"),
    ("type=services.Department", "Takový typ stránky neexistuje"),
    ("fields=nonexistent", "Neznámá pole v parametru fields: nonexistent."),
    ("fields=title(foo)", "Pole title nemá vnořená pole."),
    ("fields=,,", "Parametr fields má chybný zápis"),
    ("order=nonexistent", "Podle „nonexistent“ nelze řadit."),
    ("foo=bar", "Neznámý parametr: foo."),
    ("child_of=abc", "Parametr child_of musí být id stránky"),
    ("child_of=99999999999999999999999", "Stránka s tímto id neexistuje"),
    ("descendant_of=99999999999999999999999", "Stránka s tímto id neexistuje"),
    ("type=situations.SituationPage&last_reviewed=notadate", "Hodnota parametru last_reviewed není platná"),
    ("type=situations.SituationPage&audience=foo", "Parametr audience smí být jen: citizens, businesses, both."),
    ("type=situations.SituationPage&steps=abc", "Neznámý parametr: steps."),
    ("type=services.ServicePage&order=counters", "Podle „counters“ nelze řadit."),
    ("type=situations.SituationPage&department=abc", "Hodnota parametru department není platná"),
    ("type=situations.SituationPage&department=99999999999999999999999", "Hodnota parametru department není platná"),
    ("type=services.CounterPage&latitude=abc", "Hodnota parametru latitude není platná"),
    ("id=99999999999999999999999", "Hodnota parametru id není platná"),
    ("search=%00", "Parametry nesmějí obsahovat znak NUL."),
    ("search=" + "a" * 300, "Hledaný výraz smí mít nejvýše 200 znaků."),
    ("search=pas&search_operator=xor", "Parametr search_operator smí být jen and, nebo or."),
    ("locale=xx", "Parametr locale: jazyk „xx“ na webu nemáme."),
    ("order=random&offset=1", "Náhodné pořadí"),
    ("rich_text_format=bad", "Neznámý formát formátovaného textu"),
])
def test_bad_page_parameters_get_400_with_a_czech_message(client_cs, query, message):
    data = get_json(client_cs, f"/api/v2/pages/?{query}", status=400)
    assert data["message"].startswith(message)


@pytest.mark.parametrize(("url", "message"), [
    ("/api/v2/departments/?slug=%00", "Parametry nesmějí obsahovat znak NUL."),
    ("/api/v2/departments/?foo=1", "Neznámý parametr: foo."),
    ("/api/v2/required-documents/?fetched_by_office=maybe", "Parametr fetched_by_office smí být jen true, nebo false."),
    ("/api/v2/forms/?kind=bad", "Parametr kind smí být jen: online, printable."),
    ("/api/v2/forms/?limit=abc", "Parametr limit musí být celé nezáporné číslo."),
    ("/api/v2/pages/find/?id=abc", "Parametr id musí být celé nezáporné číslo."),
])
def test_bad_snippet_and_find_parameters_get_400(client_cs, url, message):
    assert get_json(client_cs, url, status=400)["message"].startswith(message)


@pytest.mark.parametrize("url", [
    "/api/v2/pages/99999999999999999999999/", "/api/v2/pages/999999/", "/api/v2/forms/99999999999999999999999/",
    "/api/v2/pages/find/?id=99999999999999999999", "/api/v2/pages/find/?html_path=/neexistuje/",
])
def test_missing_objects_are_404_in_czech(client_cs, url):
    assert get_json(client_cs, url, status=404) == {"message": "Nenalezeno."}


def test_an_offset_past_the_end_is_an_empty_page(client_cs):
    data = get_json(client_cs, "/api/v2/pages/?offset=99999999999999999999999999")
    assert data["items"] == [] and data["meta"]["total_count"] > 100


def test_the_api_is_read_only(client_cs):
    response = client_cs.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405
