"""The accessibility statement and the privacy notice in English and Ukrainian: the footer of each language leads
to the page in that language, which the demo loader translates through wagtail-localize like the catalog."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from legal.models import PrivacyNoticePage
from navigator import retention

pytestmark = pytest.mark.django_db

STATEMENT, NOTICE = "/prohlaseni-o-pristupnosti/", "/ochrana-osobnich-udaju/"
MOVING = "/bydleni/zmena-trvaleho-pobytu/"
# The footer's labels (the interface's messages) and the pages' titles (the translation memory, legal.yaml).
LABELS = {
    "en": ("Accessibility statement", "Privacy notice"),
    "uk": ("Заява про доступність", "Захист персональних даних"),
}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def footer_links(page):
    return {a.get_text(strip=True): a["href"] for a in page.select(".site-footer a")}


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize("path", ["/", MOVING, STATEMENT])
def test_the_footer_links_the_legal_pages_in_the_visitors_language(client_cs, language, path):
    links = footer_links(soup(client_cs.get(f"/{language}{path}")))
    statement, notice = LABELS[language]
    assert links[statement] == f"/{language}{STATEMENT}"
    assert links[notice] == f"/{language}{NOTICE}"


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_legal_pages_answer_in_the_language_with_their_translated_titles(client_cs, language):
    for path, title in zip((STATEMENT, NOTICE), LABELS[language]):
        page = soup(client_cs.get(f"/{language}{path}"))
        assert page.html["lang"] == language
        assert page.h1.get_text(strip=True) == title


def test_the_translated_statement_keeps_the_laws_czech_name_and_every_fact(client_cs):
    english = soup(client_cs.get("/en" + STATEMENT)).select_one("main").get_text(" ", strip=True)
    assert ("zákon č. 99/2019 Sb., o přístupnosti internetových stránek a mobilních aplikací — Act on the "
            "Accessibility of Websites and Mobile Applications") in english
    ukrainian = soup(client_cs.get("/uk" + STATEMENT)).select_one("main")
    text = ukrainian.get_text(" ", strip=True)
    assert "Закону про доступність вебсайтів і мобільних застосунків" in text
    for fact in ("Na Vápence 915/14, 130 00 Praha 3", "yukd8p7", "+420 222 000 111", "23 вересня 2018 р."):
        assert fact in text
    assert {a["href"] for a in ukrainian.select(".rich-text a")} >= {
        "mailto:pristupnost@praha99.example.cz", "mailto:posta@dia.gov.cz", "https://www.dia.gov.cz"}


@pytest.mark.parametrize(("language", "heading", "ninety_days"), [
    ("en", "What the website keeps, why and for how long", "90 days"),
    ("uk", "Що зберігає вебсайт, навіщо і як довго", "90 днів"),
])
def test_the_privacy_notice_lists_what_is_kept_in_each_language(client_cs, language, heading, ninety_days):
    page = soup(client_cs.get(f"/{language}{NOTICE}"))
    assert heading in [h.get_text(strip=True) for h in page.select("main h2")]
    rows = {row["id"].removeprefix("uchovani-"): row for row in page.select("table.retention tbody tr")}
    assert list(rows) == [record.key for record in retention.registered()]
    assert rows["login-attempts"].select_one(".retention__period").get_text(strip=True) == ninety_days
    records_note = page.select_one("section[aria-labelledby=co-ukladame] .rich-text").get_text(" ", strip=True)
    assert "localStorage" in records_note and "30" in records_note
    assert "Váš plán" not in records_note


def test_a_legal_page_without_a_translation_is_linked_in_czech(client_cs):
    PrivacyNoticePage.objects.get(locale=Locale.objects.get(language_code="uk")).unpublish()
    links = footer_links(soup(client_cs.get("/uk/")))
    assert links["Захист персональних даних"] == NOTICE
    assert links["Заява про доступність"] == "/uk" + STATEMENT
