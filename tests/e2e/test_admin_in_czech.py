"""The demo editor and approver of odbor občanskosprávní go through the admin in a browser and meet no English:
the dashboard, the page editor with each of its side panels, the history and the compare of their change, the
workflow's screens and the approval dialog, as the browser shows them once the admin's JavaScript has built its
parts from the JavaScript catalog (tests/english.py says how English is found). Each screen is kept under
var/screenshots/admin-cs-*.png.

The editor sends the passport situation for approval and the approver approves it: a sentence is added to its
summary, so the other browser tests on the same site read the pages they expect.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.english import english_in, html_text

from .test_editorial_workflow import sign_in, sign_out

pytestmark = pytest.mark.e2e
TITLE = "Cestovní pas pro dospělé i děti"
ADDED = " Pas pro dítě do 5 let vydáme do 30 dnů."


@pytest.fixture
def read(page, screenshot):
    """read(name): keeps a screenshot of the screen and notes the English on it."""
    found = {}

    def screen(name):
        page.wait_for_load_state("networkidle")
        screenshot(f"admin-cs-{name}")
        if english := english_in(html_text(page.content())):
            found[name] = english

    screen.found = found
    return screen


def test_editor_and_approver_meet_no_english(page, live_site, read):
    sign_in(page, live_site, "editor-obcanskospravni")
    read("1-dashboard")
    page.goto(live_site + "/admin/pages/search/?q=cestovní pas")
    read("2-search")
    page.get_by_role("link", name=TITLE, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page_id = re.search(r"/pages/(\d+)/", page.url)[1]
    expect(page.get_by_role("button", name="Sbalit vše")).to_be_visible()  # the minimap, built by JavaScript
    read("3-editor")
    for toggle in page.locator("button[data-side-panel-toggle]").all():
        panel = toggle.get_attribute("data-side-panel-toggle")
        toggle.click()
        expect(page.locator(f"[data-side-panel='{panel}']")).to_be_visible()
        read(f"4-panel-{panel}")

    page.reload()
    summary = page.locator("textarea[name=summary]")
    summary.fill(summary.input_value() + ADDED)
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    read("5-editor-actions")
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    page.goto(live_site + f"/admin/pages/{page_id}/history/")
    read("6-history")
    page.goto(live_site + f"/admin/pages/{page_id}/revisions/compare/live...latest/")
    expect(page.locator("main")).to_contain_text(ADDED.strip())
    read("7-compare")
    page.goto(live_site + f"/admin/pages/{page_id}/workflow_history/")
    read("8-workflow-history")
    page.goto(live_site + "/admin/reports/workflow/")
    read("9-workflow-report")
    sign_out(page)

    sign_in(page, live_site, "schvalovatel-obcanskospravni")
    row = page.locator("#awaiting-review-section tr", has_text=TITLE)
    expect(row).to_be_visible()
    read("10-approver-dashboard")
    row.get_by_role("button", name="Akce").click()
    row.get_by_role("button", name="Schválit s komentářem").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Komentář")
    read("11-approve-dialog")
    dialog.locator("textarea").fill("Schváleno, díky.")
    dialog.get_by_role("button", name="Schválit s komentářem").click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)
    page.goto(live_site + f"/admin/pages/{page_id}/history/")
    expect(page.locator("main")).to_contain_text("Schváleno, díky.")
    read("12-approved-history")

    assert not read.found, "\n".join(f"{name}:\n    " + "\n    ".join(english)
                                     for name, english in read.found.items())
