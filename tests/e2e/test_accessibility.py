"""WCAG 2.1 AA on every public page type, at a desktop and a phone width, checked by axe-core in chromium."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
    "topic": "/bydleni/",
    "situation": "/bydleni/zmena-trvaleho-pobytu/",
    "situation with answers": "/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec&bydleni=najem&mam=pes",
    "situation with a bad answer": "/bydleni/zmena-trvaleho-pobytu/?odkud=mars",
    "print sheet": "/bydleni/zmena-trvaleho-pobytu/tisk/?pruvodce=1&odkud=jina-obec&mam=pes",
    "plan": "/plan/?situace=zmena-trvaleho-pobytu&situace=obcansky-prukaz",
    "service": "/sluzby/vydani-obcanskeho-prukazu/",
    "catalog with filters": "/sluzby/?audience=citizens&department=odbor-matrika",
    "counter": "/pracoviste/matrika/",
    "search results": "/hledat/?q=občanka",
    "zero results": "/hledat/?q=qwxzkvt",
    "not found": "/tahle-stranka-neexistuje/",
    "accessibility statement": "/prohlaseni-o-pristupnosti/",
    "privacy notice": "/ochrana-osobnich-udaju/",
    "plan with what cannot wait": "/plan/?situace=narozeni-ditete&situace=ztrata-dokladu",
}


def violations(page):
    # Evaluated through the browser's debugging protocol: the site's CSP rightly refuses an injected <script>.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
    }""", RULES)
    return result


@pytest.mark.parametrize("width", [1280, 375])
def test_public_pages_have_no_wcag_violations(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    found = {}
    try:
        for name, path in PAGES.items():
            page.goto(live_site + path)
            if problems := violations(page):
                found[name] = problems
    finally:
        context.close()
    assert not found, "\n".join(f"{name}: {problem}" for name, problems in found.items() for problem in problems)


DESK_PAGES = {
    "front desk": "/prepazka/",
    "front desk results": "/prepazka/?q=stěhování",
    "front desk situation": "/prepazka/situace/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec&mam=pes",
    "front desk unknown situation": "/prepazka/situace/neexistuje/",
    "front desk bookings": "/prepazka/objednavky/?den=2026-12-07",
    "front desk bookings print": "/prepazka/objednavky/tisk/?den=2026-12-07",
}


@pytest.mark.parametrize("width", [1280, 375])
def test_front_desk_pages_have_no_wcag_violations(browser, live_site, clerk_login, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    username, password = clerk_login
    found = {}
    try:
        page.goto(live_site + "/admin/login/?next=/prepazka/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.press("input[name=password]", "Enter")
        page.wait_for_url(live_site + "/prepazka/")
        for name, path in DESK_PAGES.items():
            page.goto(live_site + path)
            if problems := violations(page):
                found[name] = problems
    finally:
        context.close()
    assert not found, "\n".join(f"{name}: {problem}" for name, problems in found.items() for problem in problems)
