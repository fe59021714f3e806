"""The accessibility statement and the privacy notice: editable pages, linked from every page's footer, filled for
the demo office; the notice states the same periods the purge command uses."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from legal.models import AccessibilityStatementPage, PrivacyNoticePage
from navigator import retention
from tests.czech import czech

pytestmark = pytest.mark.django_db
STATEMENT, NOTICE = "/prohlaseni-o-pristupnosti/", "/ochrana-osobnich-udaju/"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("path", ["/", "/bydleni/", "/bydleni/zmena-trvaleho-pobytu/", "/sluzby/",
                                  "/sluzby/vydani-cestovniho-pasu/", "/pracoviste/matrika/", "/plan/",
                                  "/hledat/?q=pas", "/otevrena-data/", STATEMENT, "/neexistuje/"])
def test_every_page_links_both_from_its_footer(client_cs, path):
    response = client_cs.get(path)
    footer = BeautifulSoup(response.content, "html.parser").select_one(".site-footer")
    links = {a.text: a["href"] for a in footer.select("a")}
    assert links["Prohlášení o přístupnosti"] == STATEMENT
    assert links["Ochrana osobních údajů"] == NOTICE


def test_the_accessibility_statement_has_every_part_of_the_template(client_cs):
    page = soup(client_cs.get(STATEMENT))
    headings = [h.text for h in page.select("main h2")]
    assert headings == ["Na co se prohlášení vztahuje", "Stav souladu", "Co není přístupné a proč",
                        "Vypracování prohlášení", "Zpětná vazba a kontakt", "Když nejste spokojeni"]
    text = page.select_one("main").text
    assert "částečně v souladu se zákonem č. 99/2019 Sb." in text
    assert "30. 11. 2026" in text  # prepared and reviewed
    assert "§ 9" in text and "Digitální a informační agentur" in text and "yukd8p7" in text
    assert "pristupnost@praha99.example.cz" in text


def test_the_privacy_notice_lists_what_is_kept_with_the_purge_commands_periods(client_cs, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = {**settings.PERSONAL_DATA_RETENTION_DAYS, "feedback-comments": 180}
    settings.SESSION_COOKIE_AGE = 8 * 60 * 60 * 24
    page = soup(client_cs.get(NOTICE))
    rows = {row["id"].removeprefix("uchovani-"): row for row in page.select("table.retention tbody tr")}
    assert list(rows) == [record.key for record in retention.registered()]
    periods = {key: row.select_one(".retention__period").text for key, row in rows.items()}
    assert periods["feedback-comments"] == "180 dní"
    assert periods["sessions"] == "8 dní"
    assert periods["login-attempts"] == "90 dní" and periods["search-queries"] == "400 dní"
    text = page.select_one("main").text
    for part in ("městská část Praha 99", "Pověřenec", "poverenec@praha99.example.cz", "čl. 15", "čl. 21",
                 "Úřadu pro ochranu osobních údajů", "localStorage"):
        assert part in text


def test_both_are_pages_an_editor_changes_in_the_admin(client_cs):
    admin = get_user_model().objects.create_superuser("pravnik", "pravnik@example.cz", "heslo-pro-test")
    client_cs.force_login(admin)
    statement = czech(AccessibilityStatementPage).get()
    assert client_cs.get(reverse("wagtailadmin_pages:edit", args=[statement.pk])).status_code == 200
    statement.reviewed_on = datetime.date(2027, 3, 1)
    statement.save_revision().publish()
    assert "1. 3. 2027" in client_cs.get(STATEMENT).content.decode()
    notice = czech(PrivacyNoticePage).get()
    assert client_cs.get(reverse("wagtailadmin_pages:edit", args=[notice.pk])).status_code == 200
