"""/otevrena-data/ tells people what they can download, under which licence, and how to call the API."""

import pytest

from opendata.exports import DATASETS

pytestmark = pytest.mark.django_db


def test_the_page_describes_and_links_every_download(client_cs):
    response = client_cs.get("/otevrena-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Otevřená data</h1>" in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    for dataset in DATASETS:
        assert f'href="/otevrena-data/{dataset.filename}"' in html
        assert f'id="{dataset.name}"' in html
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in html
    assert 'href="/otevrena-data/katalog-cpsv.jsonld"' in html
    assert 'href="/otevrena-data/dcat.jsonld"' in html
    assert "/api/v2/pages/?type=situations.SituationPage" in html
    assert "<code>https://praha99.example.cz</code>" in html and "<code>/id/sluzba/&lt;slug&gt;</code>" in html


def test_row_counts_read_in_czech(client_cs):
    from situations.models import SituationPage
    from tests.czech import czech

    html = client_cs.get("/otevrena-data/").content.decode()
    situations = czech(SituationPage).live().count()
    assert situations >= 5 and f"{situations} řádků" in html  # 5 and more: „řádků“


def test_every_page_footer_links_to_the_open_data(client_cs):
    assert 'href="/otevrena-data/">Otevřená data</a>' in client_cs.get("/").content.decode()


def test_each_file_shows_its_schema_a_sample_and_how_to_join_it(client_cs):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client_cs.get("/otevrena-data/").content, "html.parser")
    for dataset in DATASETS:
        card = page.select_one(f"#{dataset.name}")
        assert card.select_one(f'a[href="/otevrena-data/{dataset.schema_filename}"]'), dataset.name
        sample = card.select_one("table.sample")
        assert [th.text for th in sample.select("thead th")] == dataset.header()
        assert 1 <= len(sample.select("tbody tr")) <= 3
    fees = page.select_one("#poplatky")
    join = fees.select_one("pre code").text
    assert 'csv.DictReader(open("sluzby.csv", encoding="utf-8-sig"))' in join
    assert 'sluzby[row["sluzba"]]["nazev"]' in join
    # A worked example from the data: the first fee and the service it belongs to.
    assert ("„Aktivace elektronické identifikace“ → „Aktivace elektronické identity (eObčanka, NIA)“"
            in fees.select_one("details:last-of-type p").text)
