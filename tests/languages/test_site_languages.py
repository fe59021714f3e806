"""The site in Czech, English and Ukrainian: addresses, <html lang>, the switcher, hreflang alternates, the sitemap,
the guide's take-alongs in each language, stale translations and the editors' report, the API's locale filter.

The demo catalog has "Stěhování – změna trvalého pobytu" in all three languages and "Založení společnosti s ručením
omezeným" in Czech and English only (the Ukrainian memory covers the situations a newcomer needs first).
"""

from xml.etree import ElementTree
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from languages.coverage import Status, catalog_states
from situations.guide import DATE_FIELD, SUBMITTED_FIELD
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVING = "/bydleni/zmena-trvaleho-pobytu/"
COMPANY = "/podnikani/zalozeni-sro/"
HOST = "http://localhost"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(page):
    """{language: (kind, address, text)} of the language switcher."""
    found = {}
    for item in page.select(".language-switcher li"):
        link = item.find("a")
        kind = "current" if item.select_one("[aria-current]") else "missing" if item.select_one(
            ".language-switcher__missing") else "link"
        found[item["lang"]] = (kind, link["href"] if link else None, item.get_text(" ", strip=True))
    return found


def alternates(page):
    return {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}


def moving_answers():
    moving = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    pairs = [(SUBMITTED_FIELD, "1")] + [(question.key, question.options[0].key) for question in moving.guide_questions]
    return moving, pairs


def test_czech_addresses_stay_and_the_other_languages_have_a_prefix(client_cs):
    czech_page = soup(client_cs.get(MOVING))
    english = soup(client_cs.get("/en" + MOVING))
    ukrainian = soup(client_cs.get("/uk" + MOVING))
    assert [page.html["lang"] for page in (czech_page, english, ukrainian)] == ["cs", "en", "uk"]
    assert czech_page.h1.get_text(strip=True) == "Stěhování – změna trvalého pobytu"
    assert english.h1.get_text(strip=True) == "Moving house – changing your permanent residence"
    assert ukrainian.h1.get_text(strip=True) == "Переїзд — зміна постійного місця проживання"


def test_an_address_without_a_translation_or_language_is_not_found(client_cs):
    assert client_cs.get("/uk" + COMPANY).status_code == 404
    assert client_cs.get("/de" + MOVING).status_code == 404
    assert client_cs.get("/en/neexistuje/").status_code == 404


def test_the_switcher_leads_to_the_same_page_in_the_other_languages(client_cs):
    assert switcher(soup(client_cs.get("/en" + MOVING))) == {
        "cs": ("link", MOVING, "Čeština"),
        "en": ("current", None, "English"),
        "uk": ("link", "/uk" + MOVING, "Українська"),
    }


def test_the_switcher_says_in_its_language_that_a_page_is_not_translated_and_offers_the_topic(client_cs):
    languages = switcher(soup(client_cs.get(COMPANY)))
    assert languages["en"] == ("link", "/en" + COMPANY, "English")
    assert languages["uk"] == ("missing", "/uk/podnikani/", "Українська: ця сторінка не перекладена, Підприємництво")


def test_the_guides_answers_and_sub_address_switch_language_with_the_page(client_cs):
    _moving, pairs = moving_answers()
    query = urlencode(pairs)
    languages = switcher(soup(client_cs.get(f"/en{MOVING}tisk/?{query}")))
    assert languages["cs"][1] == f"{MOVING}tisk/?{query}"
    assert languages["uk"][1] == f"/uk{MOVING}tisk/?{query}"


def test_translated_pages_list_their_language_versions_as_alternates(client_cs):
    expected = {"cs": HOST + MOVING, "en": f"{HOST}/en{MOVING}", "uk": f"{HOST}/uk{MOVING}", "x-default": HOST + MOVING}
    assert alternates(soup(client_cs.get(MOVING))) == expected
    assert alternates(soup(client_cs.get("/uk" + MOVING))) == expected
    assert alternates(soup(client_cs.get(COMPANY))) == {
        "cs": HOST + COMPANY, "en": f"{HOST}/en{COMPANY}", "x-default": HOST + COMPANY}


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def test_the_sitemap_lists_every_language_with_its_alternates(client_cs):
    response = client_cs.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = ElementTree.fromstring(response.content)
    entries = {url.findtext("s:loc", namespaces=SITEMAP): {link.get("hreflang"): link.get("href")
                                                           for link in url.findall("xhtml:link", SITEMAP)}
               for url in sitemap.findall("s:url", SITEMAP)}
    expected = {"cs": HOST + MOVING, "en": f"{HOST}/en{MOVING}", "uk": f"{HOST}/uk{MOVING}", "x-default": HOST + MOVING}
    assert entries[HOST + MOVING] == expected
    assert entries[f"{HOST}/uk{MOVING}"] == expected
    assert f"{HOST}/uk{COMPANY}" not in entries and f"{HOST}/en{COMPANY}" in entries


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_guide_and_what_a_visitor_takes_along_work_in_each_language(client_cs, language):
    moving, pairs = moving_answers()
    query = urlencode(pairs + [(DATE_FIELD, "2026-12-01")] if moving.date_question else pairs)
    answered = soup(client_cs.get(f"/{language}{MOVING}?{query}"))
    assert answered.html["lang"] == language
    # The QR code and the printed address lead back to the checklist in the same language, answers kept.
    assert answered.select_one(".print-only").get_text(strip=True).startswith(f"{HOST}/{language}{MOVING}?")
    sheet = soup(client_cs.get(f"/{language}{MOVING}tisk/?{query}"))
    assert sheet.html["lang"] == language and sheet.find("svg") is not None
    calendar = client_cs.get(f"/{language}{MOVING}kalendar/?{query}")
    assert calendar.status_code in (200, 404)  # 404: no dated deadline for these answers, as in Czech
    assert calendar.status_code == client_cs.get(f"{MOVING}kalendar/?{query}").status_code
    plan = soup(client_cs.get(f"/{language}/plan/?situace=zmena-trvaleho-pobytu"))
    title = Page.objects.get(translation_key=moving.translation_key, locale__language_code=language).title
    assert title in plan.get_text()
    search = soup(client_cs.get(f"/{language}/hledat/?q=pas"))
    assert search.html["lang"] == language
    assert search.select_one("form.search-form")["action"] == f"/{language}/hledat/"


def test_feedback_on_a_translated_page_thanks_in_its_language(client_cs):
    page = soup(client_cs.get("/uk" + MOVING))
    form = page.select_one("form.feedback__form")
    assert form["action"] == "/uk/zpetna-vazba/"
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    response = client_cs.post(form["action"], {**data, "useful": "yes"})
    assert response.status_code == 303 and response["Location"].startswith("/uk/zpetna-vazba/dekujeme/")
    assert soup(client_cs.get(response["Location"])).html["lang"] == "uk"


def publish_czech_again(path):
    page = Page.objects.get(url_path=f"/home{path}", locale__language_code="cs").specific
    page.save_revision().publish()
    return page


def test_a_translation_older_than_its_czech_page_says_so_and_links_to_it(client_cs):
    assert not soup(client_cs.get("/en" + MOVING)).select(".stale-translation")
    publish_czech_again(MOVING)
    notice = soup(client_cs.get("/en" + MOVING)).select_one(".stale-translation")
    assert notice is not None and "The Czech version of this page changed on" in notice.get_text()
    assert notice.a["href"] == MOVING and notice.a["hreflang"] == "cs"
    assert not soup(client_cs.get(MOVING)).select(".stale-translation")


def test_the_report_names_missing_and_out_of_date_translations(client_cs):
    publish_czech_again(MOVING)
    states = {(state.title, state.language): state.status for state in catalog_states()}
    assert states[("Stěhování – změna trvalého pobytu", "en")] == Status.OUT_OF_DATE
    assert states[("Stěhování – změna trvalého pobytu", "uk")] == Status.OUT_OF_DATE
    assert states[("Založení společnosti s ručením omezeným (s.r.o.)", "uk")] == Status.MISSING
    assert states[("Založení společnosti s ručením omezeným (s.r.o.)", "en")] in (Status.CURRENT, Status.INCOMPLETE)


def test_editors_read_the_report_under_reports(client_cs, django_user_model):
    client_cs.force_login(django_user_model.objects.create_superuser("redaktor", "r@example.cz", "heslo-pro-test"))
    publish_czech_again(MOVING)
    response = client_cs.get("/admin/reports/translations/?status=out-of-date&language=uk")
    page = soup(response)
    rows = [row.get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert any("Stěhování – změna trvalého pobytu" in row and "zastaralý" in row for row in rows)
    assert all("zastaralý" in row for row in rows)


def test_the_api_answers_in_czech_unless_asked_for_a_locale(client_cs):
    def items(query):
        response = client_cs.get(f"/api/v2/pages/?type=situations.SituationPage&fields=slug&limit=100&{query}")
        assert response.status_code == 200
        return response.json()["items"]

    czech_items, english, ukrainian = items(""), items("locale=en"), items("locale=uk")
    assert {item["meta"]["locale"] for item in czech_items} == {"cs"}
    assert {item["meta"]["locale"] for item in english} == {"en"}
    assert {item["meta"]["locale"] for item in ukrainian} == {"uk"}
    assert {item["meta"]["slug"] for item in english} == {item["meta"]["slug"] for item in czech_items}
    # The demo translates only some situations into Ukrainian.
    assert 0 < len(ukrainian) < len(czech_items) and {item["meta"]["slug"] for item in ukrainian} < {
        item["meta"]["slug"] for item in czech_items}


def test_translated_links_lead_to_pages_of_the_same_language(client_cs):
    english = soup(client_cs.get("/en" + MOVING))
    page_links = [link["href"] for link in english.select("main a[href^='/']")
                  if not link["href"].startswith(("/static/", "/dokumenty/", "/api/", "/otevrena-data/", "/id/"))]
    assert page_links and all(href.startswith("/en/") for href in page_links), page_links

