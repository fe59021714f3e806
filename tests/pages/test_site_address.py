"""The site knows its own address (SITE_URL): every absolute link it hands out starts with it, whatever Host the
request came with, and the default Wagtail site is kept at the same host and port."""

import icalendar
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from navigator.address import align_default_site
from tests.qr import decoded

pytestmark = pytest.mark.django_db

ADDRESS = "https://praha99.example.cz"
MOVING = "/bydleni/zmena-trvaleho-pobytu/"
ANSWERED = "pruvodce=1&odkud=jina-obec"


@pytest.fixture
def public_address(settings):
    """The site configured for its public address while requests still come for http://localhost/."""
    settings.SITE_URL = settings.WAGTAILAPI_BASE_URL = ADDRESS
    assert align_default_site()
    Site.clear_site_root_paths_cache()
    yield ADDRESS
    Site.clear_site_root_paths_cache()


def test_the_default_site_takes_the_address_host_and_port(public_address):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("praha99.example.cz", 443, ADDRESS)
    assert not align_default_site()  # already there


def test_sitemap_and_robots_name_the_configured_address(client_cs, public_address):
    sitemap = client_cs.get("/sitemap.xml").content.decode()
    assert f"<loc>{ADDRESS}{MOVING}</loc>" in sitemap and "localhost" not in sitemap
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in client_cs.get("/robots.txt").content.decode()


def test_qr_codes_and_printed_addresses_use_the_configured_address(client_cs, public_address):
    html = BeautifulSoup(client_cs.get(f"{MOVING}?{ANSWERED}").content, "html.parser")
    assert decoded(str(html.select_one(".take-along__qr svg"))) == f"{ADDRESS}{MOVING}?{ANSWERED}"
    sheet = client_cs.get(f"{MOVING}tisk/?{ANSWERED}").content.decode()
    assert f"{ADDRESS}{MOVING}?pruvodce=1&amp;odkud=jina-obec" in sheet
    plan = BeautifulSoup(client_cs.get("/plan/?situace=obcansky-prukaz").content, "html.parser")
    assert decoded(str(plan.select_one(".take-along__qr svg"))) == f"{ADDRESS}/plan/?situace=obcansky-prukaz"


def test_calendar_files_link_the_configured_address(client_cs, public_address):
    response = client_cs.get(f"{MOVING}kalendar/?{ANSWERED}&mam=pes&datum=2026-12-01")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert events and all(str(event["url"]).startswith(f"{ADDRESS}{MOVING}?pruvodce=1&odkud=jina-obec")
                          for event in events)


def test_the_api_links_pages_and_details_at_the_configured_address(client_cs, public_address):
    listing = client_cs.get("/api/v2/pages/", {"type": "situations.SituationPage", "slug": "zmena-trvaleho-pobytu",
                                               "fields": "steps"}).json()
    item = listing["items"][0]
    assert item["meta"]["html_url"] == ADDRESS + MOVING
    assert item["meta"]["detail_url"] == f"{ADDRESS}/api/v2/pages/{item['id']}/"
    service = item["steps"][0]["services"][0]
    assert service["meta"]["html_url"].startswith(ADDRESS + "/sluzby/")
    assert service["meta"]["detail_url"].startswith(ADDRESS + "/api/v2/pages/")
