"""Service and situation pages describe themselves as schema.org GovernmentService in valid JSON-LD."""

import json
import re

import pytest

from opendata.schema_org import script_json
from services.models import ServicePage
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_a_service_page_says_who_provides_it_where_and_when(client_cs):
    data = json_ld(client_cs, "/sluzby/vydani-obcanskeho-prukazu/")
    service = czech(ServicePage).get(slug="vydani-obcanskeho-prukazu")
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == service.title and data["description"] == service.summary
    assert data["url"] == "http://localhost/sluzby/vydani-obcanskeho-prukazu/"
    assert data["identifier"] == "https://praha99.example.cz/id/sluzba/vydani-obcanskeho-prukazu"
    assert data["provider"] == {"@type": "GovernmentOrganization", "name": service.provider, "department": {
        "@type": "GovernmentOrganization", "name": service.department.name, "email": service.department.email,
        "telephone": service.department.phone}}
    assert data["areaServed"] == {"@type": "AdministrativeArea", "name": "Městská část Praha 99"}
    assert "Občanský průkaz" in " ".join(data["serviceType"])
    channel = data["availableChannel"][0]
    assert channel["@type"] == "ServiceChannel"
    location = channel["serviceLocation"]
    assert location["address"]["streetAddress"] == "Náměstí Míru 1"
    assert location["openingHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Monday", "opens": "08:00",
        "closes": "12:00"}


def test_a_situation_page_is_provided_by_the_office_and_typed_by_its_topic(client_cs):
    data = json_ld(client_cs, "/bydleni/zmena-trvaleho-pobytu/")
    assert data["@type"] == "GovernmentService"
    assert data["name"] == czech(SituationPage).get(slug="zmena-trvaleho-pobytu").title
    assert data["provider"]["name"] == "Úřad městské části Praha 99"
    assert data["serviceType"] == "Bydlení a stěhování"
    channels = data["availableChannel"]
    assert any(channel.get("serviceLocation", {}).get("name") == "Klientské centrum úřadu městské části"
               for channel in channels)
    assert any(channel.get("serviceUrl", "").startswith("https://") for channel in channels)  # an online form


def test_quotes_and_a_closing_script_tag_in_a_title_keep_the_block_valid(client_cs):
    service = czech(ServicePage).get(slug="overeni-podpisu")
    service.title = 'Ověření "podpisu" </script><script>alert(1)</script> & <!-- spol.'
    service.save_revision().publish()
    data = json_ld(client_cs, service.url)
    assert data["name"] == service.title


def test_script_json_escapes_what_could_end_the_element():
    text = script_json({"name": "</script><!--&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!--&"}


def test_other_pages_carry_no_service_description(client_cs):
    response = client_cs.get("/")
    assert not JSON_LD.findall(response.content.decode())
