"""An editor of odbor občanskosprávní changes the moving situation and submits it; the department's approver
approves it from the dashboard; citizens see the change on the page and find it in search. Anonymous citizens get
the page from the cache that gunicorn's workers share, and the approval shows on their next request.

The change only adds a sentence, so the other browser tests on the same site still read the page they expect.
"""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_PASSWORDS

pytestmark = pytest.mark.e2e
MOVING = "/bydleni/zmena-trvaleho-pobytu/"
TITLE = "Stěhování – změna trvalého pobytu"
ADDED = " Nově najdete na jedné stránce i harmonogram stěhování."
SEARCH_WORD = "harmonogram"
PASSWORD = DEMO_PASSWORDS["DEMO_EDITORS_PASSWORD"]


def sign_in(page, live_site, username):
    page.goto(live_site + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(live_site + "/admin/")


def anonymous(url):
    """A citizen without a session asks gunicorn for the page: whether it came from the page cache, and its HTML."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def sign_out(page):
    page.locator(".sidebar-footer__account").click()
    page.get_by_role("button", name="Odhlásit").or_(page.get_by_role("link", name="Odhlásit")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_editor_submits_approver_publishes_and_citizens_see_and_find_it(page, live_site, screenshot):
    # Citizens have been reading the page: it is kept, and the workers serve it from the cache.
    assert "hit" in {anonymous(live_site + MOVING)[0] for _ in range(4)}

    # The editor finds the situation in the admin's search, adds a sentence and submits it for approval.
    sign_in(page, live_site, "editor-obcanskospravni")
    page.goto(live_site + "/admin/pages/search/?q=" + "změna trvalého pobytu")
    page.get_by_role("link", name=TITLE, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    summary = page.locator("textarea[name=summary]")
    original = summary.input_value()
    summary.fill(original + ADDED)
    expect(page.locator("select[name=department] option")).to_have_text(["Odbor občanskosprávní"])
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_contain_text("Odeslat ke schválení")
    screenshot("editorial-1-editor-submits")
    submit.click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    assert ADDED.strip() not in page.context.request.get(live_site + MOVING).text()  # not live before approval
    assert ADDED.strip() not in anonymous(live_site + MOVING)[1]
    sign_out(page)

    # The approver sees it awaiting review on the dashboard and approves it there.
    sign_in(page, live_site, "schvalovatel-obcanskospravni")
    panel = page.locator("#awaiting-review-section")
    expect(panel).to_contain_text(TITLE)
    screenshot("editorial-2-approver-dashboard")
    row = panel.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Akce").click()
    row.get_by_role("button", name="Schválit", exact=True).click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)  # the dashboard reloads with nothing left

    # Citizens read the new sentence on the page, on their very next request to either worker, and find the
    # situation by its new word.
    for _ in range(4):
        assert ADDED.strip() in anonymous(live_site + MOVING)[1]
    page.goto(live_site + MOVING)
    expect(page.locator("main")).to_contain_text(ADDED.strip())
    page.goto(live_site + "/hledat/?q=" + SEARCH_WORD)
    result = page.locator("main").get_by_role("link", name=TITLE)
    expect(result).to_be_visible()
    screenshot("editorial-3-search-finds-the-change")
    result.click()
    expect(page).to_have_url(live_site + MOVING)
