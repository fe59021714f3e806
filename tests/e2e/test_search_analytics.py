"""Search analytics in a real browser: a citizen opens results, an editor reads what was opened."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORDS

pytestmark = pytest.mark.e2e


def test_opened_results_reach_the_editors_report(page, live_site, screenshot):
    # A citizen searches and opens the first result: the redirect lands on the page itself.
    page.goto(live_site + "/hledat/?q=psí poplatek")
    first = page.locator(".search-results__item a").first
    opened_title = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(r"/[a-z-]+/[a-z-]+/$"))

    # An autocomplete suggestion opens through the same counting link.
    page.goto(live_site + "/")
    box = page.get_by_role("combobox", name="Co potřebujete vyřídit?")
    box.type("datov", delay=30)
    suggestion = page.locator("#q-suggestions li a").first
    expect(suggestion).to_have_attribute("href", re.compile(r"/hledat/otevrit/\?q=datov&r=\d+&p=1$"))
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/[a-z-]+/[a-z-]+/$"))

    # The editor reads the report of opened results.
    page.goto(live_site + "/admin/reports/search-queries/opened/")
    page.locator("input[name=username]").fill("admin")
    page.locator("input[name=password]").fill(DEMO_PASSWORDS["DEMO_ADMIN_PASSWORD"])
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Otevřené výsledky hledání")
    rows = page.locator("tbody tr")
    expect(rows.filter(has_text="psí poplatek").filter(has_text=opened_title)).to_have_count(1)
    expect(rows.filter(has_text="datov")).to_have_count(1)
    screenshot("editor-reads-opened-search-results")

    page.goto(live_site + "/admin/reports/search-queries/")
    expect(page.locator("tbody tr").filter(has_text="psí poplatek")).to_have_count(1)
    screenshot("editor-reads-top-search-queries")
