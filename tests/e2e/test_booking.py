"""A citizen books a time, gets the mail, moves and cancels the booking, all in the browser and without
JavaScript; a clerk sees the day and marks who came with one key; every booking page passes axe and reflows
at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from .test_accessibility import violations

pytestmark = pytest.mark.e2e
SERVICE = "/sluzby/vydani-obcanskeho-prukazu/"
WEEK = "/objednani/vydani-obcanskeho-prukazu/klientske-centrum/"


def manage_link(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://\S+/objednani/rezervace/\S+/", text).group(0)


def book(page, name, mail):
    page.locator(".booking-time").first.click()
    page.fill("#id_name", name)
    page.fill("#id_email", mail)
    page.check("input[name=consent]")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator(".booking-done")).to_contain_text("Jste objednáni")
    return page.get_by_test_id("booking-code").inner_text()


def test_citizen_books_receives_moves_and_cancels_without_javascript(browser, live_site, mail_server, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site + WEEK)
        before = len(mail_server.messages)
        code = book(page, "Jana Nováková", "jana.e2e@example.cz")
        assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)
        expect(page.locator("main")).to_contain_text("Co s sebou")
        expect(page.locator("main")).to_contain_text("Náměstí Míru 1")
        screenshot("booking-confirmation")
        confirmation = mail_server.wait_for(before + 1)[-1]
        assert confirmation["To"] == "jana.e2e@example.cz" and code in confirmation.get_body(("plain",)).get_content()

        # The link from the mail opens the booking in another browser: no account, no cookie needed.
        page.context.clear_cookies()
        page.goto(manage_link(confirmation))
        first_time = page.locator(".booking-ticket__when").inner_text()
        page.get_by_role("link", name="Přesunout termín").click()
        page.locator(".booking-time").nth(3).click()
        page.get_by_role("button", name="Ano, přesunout").click()
        expect(page.locator(".booking-done")).to_contain_text("Termín jsme přesunuli")
        assert page.locator(".booking-ticket__when").inner_text() != first_time
        moved = mail_server.wait_for(before + 2)[-1]
        assert moved["Subject"].strip().startswith("Termín přesunut")

        page.get_by_role("link", name="Zrušit termín").click()
        page.get_by_role("button", name="Ano, zrušit termín").click()
        expect(page.locator("main")).to_contain_text("Objednávka je zrušená")
        expect(page.get_by_role("link", name="Zrušit termín")).to_have_count(0)
    finally:
        context.close()


def test_clerk_sees_the_day_and_marks_arrival_with_one_key(page, live_site, clerk_login):
    page.goto(live_site + WEEK)
    code = book(page, "Petr Svoboda", "petr.e2e@example.cz")
    day = re.search(r"(\d+)\. (\w+) (\d{4})", page.locator(".booking-ticket__when").inner_text())
    assert day
    username, password = clerk_login
    page.goto(live_site + "/admin/login/?next=/prepazka/objednavky/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(live_site + "/prepazka/objednavky/")
    page.fill("#kod", code.lower())
    page.press("#kod", "Enter")
    row = page.locator(f"tr[data-code='{code.replace('-', '')}']")
    expect(row).to_contain_text("Petr Svoboda")
    expect(row).to_contain_text("očekáván")
    row.focus()
    page.keyboard.press("p")
    expect(row.locator("[data-status-label]")).to_have_text("přišel")
    page.reload()
    expect(page.locator(f"tr[data-code='{code.replace('-', '')}'] [data-status-label]")).to_have_text("přišel")


@pytest.mark.parametrize("width", [1280, 320])
def test_booking_pages_pass_axe_and_reflow(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    found, overflowing = {}, {}

    def check(name):
        if problems := violations(page):
            found[name] = problems
        if page.evaluate("document.documentElement.scrollWidth") > width:
            overflowing[name] = page.evaluate("document.documentElement.scrollWidth")

    try:
        page.goto(live_site + WEEK)
        check("week")
        page.locator(".booking-time").first.click()
        check("form")
        page.locator("main form[method=post] button[type=submit]").click()
        check("form with errors")
        page.goto(live_site + WEEK)
        book(page, "Eva Dvořáková", f"eva{width}.e2e@example.cz")
        check("confirmation")
        page.get_by_role("link", name="Přesunout termín").click()
        check("move")
        page.locator(".booking-time").first.click()
        check("move confirmation")
        page.go_back()
        page.go_back()
        page.get_by_role("link", name="Zrušit termín").click()
        check("cancel")
        page.goto(live_site + "/objednani/rezervace/NEPLATNY:odkaz/")
        check("bad link")
    finally:
        context.close()
    assert not found, "\n".join(f"{name}: {problem}" for name, problems in found.items() for problem in problems)
    assert not overflowing, overflowing
