"""Reflow (WCAG 1.4.10): at 320 CSS px no public page and no page of the front desk scrolls sideways; tables
become stacked rows."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.e2e
NARROW = {"width": 320, "height": 640}

PUBLIC_PAGES = [
    "/",
    "/bydleni/",
    "/bydleni/zmena-trvaleho-pobytu/",
    "/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec&mam=pes&datum=2026-11-20",
    "/bydleni/zmena-trvaleho-pobytu/tisk/",
    "/podnikani/zalozeni-zivnosti/",
    "/sluzby/",
    "/sluzby/?audience=businesses&channel=online",
    "/sluzby/vydani-cestovniho-pasu/",
    "/pracoviste/",
    "/pracoviste/klientske-centrum/",
    "/hledat/?q=ob%C4%8Danka",
    "/plan/?situace=narozeni-ditete&situace=ztrata-dokladu&situace=zmena-trvaleho-pobytu",
    "/plan/tisk/?situace=narozeni-ditete&situace=ztrata-dokladu",
    "/otevrena-data/",
    "/zpetna-vazba/dekujeme/",
    "/neexistuje/",
    "/prohlaseni-o-pristupnosti/",
    "/ochrana-osobnich-udaju/",
]
DESK_PAGES = [
    "/prepazka/",
    "/prepazka/?q=pas",
    "/prepazka/situace/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec",
    "/prepazka/sluzba/vydani-cestovniho-pasu/",
]


def overflow(page):
    """The page's width beyond the screen, and the first elements that stick out, to say what to fix."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("body *")]
            .filter((element) => element.getBoundingClientRect().right > width + 0.5)
            .slice(0, 5).map((element) => element.tagName.toLowerCase() + "." + element.className);
        return {scrollWidth: document.documentElement.scrollWidth, wide};
    }""")


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport=NARROW, locale="cs-CZ")
    yield context.new_page()
    context.close()


def test_no_public_page_scrolls_sideways_at_320_px(narrow_page, live_site):
    for path in PUBLIC_PAGES:
        narrow_page.goto(live_site + path)
        found = overflow(narrow_page)
        assert found["scrollWidth"] <= NARROW["width"], (path, found)


def test_the_fee_table_becomes_stacked_rows(narrow_page, live_site):
    narrow_page.goto(live_site + "/bydleni/zmena-trvaleho-pobytu/")
    table = narrow_page.locator("table.fees").first
    expect(table).to_be_visible()
    assert table.locator("tbody tr").first.evaluate("row => getComputedStyle(row).display") == "block"
    amount = table.locator("td.num").first
    assert amount.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Částka: "'
    box = amount.bounding_box()
    assert box["x"] + box["width"] <= NARROW["width"]
    folder = ROOT / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    narrow_page.locator("section[aria-labelledby=poplatky]").screenshot(path=str(folder / "reflow-320-fees.png"))


def test_no_front_desk_page_scrolls_sideways_at_320_px(narrow_page, live_site, clerk_login):
    username, password = clerk_login
    narrow_page.goto(live_site + "/prepazka/prihlasit/")
    assert overflow(narrow_page)["scrollWidth"] <= NARROW["width"]
    narrow_page.get_by_label("Uživatelské jméno").fill(username)
    narrow_page.get_by_label("Heslo").fill(password)
    narrow_page.get_by_role("button", name="Přihlásit se").click()
    expect(narrow_page.locator("#desk-q")).to_be_visible()
    for path in DESK_PAGES:
        narrow_page.goto(live_site + path)
        found = overflow(narrow_page)
        assert found["scrollWidth"] <= NARROW["width"], (path, found)
