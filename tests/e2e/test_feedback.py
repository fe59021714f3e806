"""A citizen who found the moving page unclear says so: "Ne", "Kam jít", a comment with their e-mail in it.
With JavaScript the thanks appear in place; without it the form posts and a thank-you page follows. The
department's report then shows the comment with the address scrubbed, as text."""

import os
import re

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_PASSWORDS, ROOT
from .test_accessibility import violations

pytestmark = pytest.mark.e2e
MOVING = "/bydleni/zmena-trvaleho-pobytu/"
SECRET = "jana.novakova@example.cz"


def feedback_section(page):
    section = page.locator("#zpetna-vazba")
    section.scroll_into_view_if_needed()
    return section


def test_a_citizen_says_the_moving_page_was_unclear_and_the_report_shows_it_scrubbed(browser, page, live_site,
                                                                                    screenshot):
    page.goto(live_site + MOVING)
    section = feedback_section(page)
    reasons = section.get_by_role("group", name=re.compile("co chybělo"))
    expect(reasons).to_be_hidden()  # with JavaScript the reasons wait for a "no"
    section.get_by_role("radio", name="Ne", exact=True).check()
    expect(reasons).to_be_visible()
    section.get_by_role("checkbox", name="Kam jít").check()
    section.get_by_label("Co můžeme zlepšit?").fill(
        f"Nevím, do které budovy mám jít. <b>Napište mi</b> na {SECRET}")
    assert not violations(page)
    screenshot("feedback-form")
    section.get_by_role("button", name="Odeslat odpověď").click()

    thanks = section.get_by_role("status")
    expect(thanks).to_contain_text("Děkujeme za odpověď.")
    expect(thanks).to_contain_text("Odbor občanskosprávní")
    expect(thanks).to_be_focused()
    expect(page).to_have_url(live_site + MOVING)  # still on the page
    assert not page.context.cookies()
    screenshot("feedback-thanks")

    # The department reads it in the admin, scrubbed and as text.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    admin = context.new_page()
    try:
        admin.goto(live_site + "/admin/login/?next=/admin/reports/feedback/answers/")
        admin.fill("#id_username", os.environ.get("DEMO_ADMIN_USERNAME", "admin"))
        admin.fill("#id_password", DEMO_PASSWORDS["DEMO_ADMIN_PASSWORD"])
        admin.get_by_role("button", name=re.compile("Přihlásit")).click()
        expect(admin).to_have_url(re.compile(r"/admin/reports/feedback/answers/"))
        row = admin.locator("tr", has_text="Nevím, do které budovy mám jít.")
        expect(row).to_contain_text("<b>Napište mi</b> na «e-mail»")
        expect(row).to_contain_text("Kam jít")
        expect(row).to_contain_text("Ne")
        assert SECRET not in admin.content()
        admin.screenshot(path=str(ROOT / "var" / "screenshots" / "feedback-report.png"), full_page=True)
    finally:
        context.close()


def test_without_javascript_the_form_posts_and_a_thank_you_page_follows(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="cs-CZ",
                                  java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site + "/sluzby/vydani-obcanskeho-prukazu/")
        section = feedback_section(page)
        expect(section.get_by_role("checkbox", name="Poplatky")).to_be_visible()  # everything shows at once
        section.get_by_role("radio", name="Ano", exact=True).check()
        section.get_by_role("button", name="Odeslat odpověď").click()
        expect(page).to_have_url(re.compile(r"/zpetna-vazba/dekujeme/\?stranka=\d+$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Děkujeme za odpověď")
        page.get_by_role("link", name=re.compile("Zpět na stránku")).click()
        expect(page).to_have_url(live_site + "/sluzby/vydani-obcanskeho-prukazu/")
        assert not context.cookies()
    finally:
        context.close()
