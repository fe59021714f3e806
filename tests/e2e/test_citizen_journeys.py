"""A new user's first walk through the site, in a real browser against a real server."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_citizen_goes_from_home_to_the_moving_situation_and_prints_it(page, live_site, screenshot):
    page.goto(live_site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    page.get_by_role("link", name="Bydlení a stěhování").first.click()
    expect(page).to_have_url(re.compile(r"/bydleni/$"))
    page.locator(".situation-list__title a[href='/bydleni/zmena-trvaleho-pobytu/']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stěhování")
    expect(page.locator(".steps__item").first).to_be_visible()

    print_button = page.get_by_role("button", name="Vytisknout jako kontrolní seznam")
    expect(print_button).to_be_visible()  # shown only because JavaScript runs
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".situation__toc")).to_be_hidden()
    expect(page.locator(".checkbox-print").first).to_be_visible()
    expect(page.locator(".checklist li").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    screenshot("citizen-prints-moving-checklist")


def test_citizen_browses_the_catalog_by_department_and_opens_a_counter(page, live_site, screenshot):
    page.goto(live_site + "/sluzby/")
    total_before = int(page.locator("#results-heading").inner_text().split()[0])
    page.locator("input[name=department][value=odbor-matrika]").check()
    page.get_by_role("button", name="Použít filtry").click()
    expect(page).to_have_url(re.compile(r"department=odbor-matrika"))
    total_after = int(page.locator("#results-heading").inner_text().split()[0])
    assert 0 < total_after < total_before
    page.locator(".service-list__item a").first.click()
    expect(page.locator(".counter-card").first).to_be_visible()
    page.locator(".counter-card h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/pracoviste/[a-z-]+/$"))
    expect(page.locator(".hours tr").first).to_be_visible()
    expect(page.get_by_role("link", name="Ukázat na mapě (mapy.cz)")).to_have_attribute("href", re.compile("^https://mapy.cz/"))
    screenshot("citizen-opens-a-counter")


def test_unknown_page_shows_the_sites_404(page, live_site):
    response = page.goto(live_site + "/tohle-neexistuje/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuto stránku jsme nenašli")


def test_citizen_searches_with_a_typo_and_finds_the_situation(page, live_site, screenshot):
    page.goto(live_site + "/")
    box = page.get_by_role("searchbox", name="Co potřebujete vyřídit?")
    box.type("ridicak", delay=30)
    expect(page.locator("#q-suggestions li").first).to_be_visible()  # autocomplete, progressively
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/hledat/\?q=ridicak"))
    first = page.locator(".search-results__item a").first
    expect(first).to_have_attribute("href", "/doprava/ridicsky-prukaz/")
    page.goto(live_site + "/hledat/?q=obcnaka")
    expect(page.locator(".did-you-mean a")).to_be_visible()
    page.locator(".search-results__item a").first.click()
    expect(page).to_have_url(re.compile(r"/doklady/obcansky-prukaz/$"))
    screenshot("citizen-finds-id-card-despite-typo")
