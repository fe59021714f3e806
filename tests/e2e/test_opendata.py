"""Browser: someone re-using the catalog finds the open data page from the footer, reads what a file holds,
downloads it, and the page passes the same WCAG rules as the rest of the site."""

import csv
import io

import pytest

from .conftest import ROOT
from .test_accessibility import violations

pytestmark = pytest.mark.e2e


def test_a_reuser_finds_reads_and_downloads_a_dataset(page, live_site, screenshot):
    page.goto(live_site + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Otevřená data").click()
    page.wait_for_url("**/otevrena-data/")
    assert page.get_by_role("heading", level=1).inner_text() == "Otevřená data"

    services = page.locator("#sluzby")
    services.locator("summary", has_text="Sloupce").click()
    assert services.get_by_role("rowheader", name="poskytovatel").is_visible()
    services.locator("summary", has_text="Ukázka prvních řádků").click()
    assert services.locator("table.sample tbody tr").count() == 3
    services.locator("summary", has_text="Jak propojit").click()
    assert 'csv.DictReader(open("sluzby.csv"' in services.locator("pre code").inner_text()
    assert services.get_by_role("link", name="sluzby.csv-metadata.json").get_attribute("href") == (
        "/otevrena-data/sluzby.csv-metadata.json")
    screenshot("opendata-page")

    with page.expect_download() as download_info:
        services.get_by_role("link", name="Stáhnout sluzby.csv").click()
    download = download_info.value
    assert download.suggested_filename == "sluzby.csv"
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) > 50 and {"uri", "slug", "nazev", "poskytovatel"} <= set(rows[0])


@pytest.mark.parametrize("width", [1280, 375])
def test_the_open_data_page_has_no_wcag_violations(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    try:
        page.goto(live_site + "/otevrena-data/")
        if width == 375:
            page.screenshot(path=str(ROOT / "var" / "screenshots" / "opendata-page-375.png"), full_page=True)
        assert not violations(page)
    finally:
        context.close()
