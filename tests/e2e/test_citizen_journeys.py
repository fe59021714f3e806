"""A new user's first walk through the site, in a real browser against a real server."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_citizen_answers_the_moving_questions_and_prints_the_checklist(page, live_site, screenshot):
    page.goto(live_site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    page.get_by_role("link", name="Bydlení a stěhování").first.click()
    expect(page).to_have_url(re.compile(r"/bydleni/$"))
    page.locator(".situation-list__title a[href='/bydleni/zmena-trvaleho-pobytu/']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stěhování")
    everything = page.locator(".steps__item").count()

    page.get_by_label("Z jiné obce nebo městské části").check()
    page.get_by_label("Ne, mám nájemní smlouvu").check()
    page.get_by_label("Mám psa").check()
    page.get_by_label("Osobně na úřadě").check()
    page.get_by_label("Kdy jste ohlásili nový trvalý pobyt?").fill("2026-11-20")
    page.get_by_role("button", name="Ukázat můj seznam").click()

    expect(page).to_have_url(re.compile(r"odkud=jina-obec.*mam=pes.*datum=2026-11-20"))
    expect(page.get_by_role("heading", name="Přihlaste psa u nového úřadu")).to_be_visible()
    expect(page.get_by_role("heading", name="Domluvte se s vlastníkem bytu")).to_have_count(0)
    assert page.locator(".steps__item").count() < everything
    expect(page.locator("#doklady").locator("..")).to_contain_text("Nájemní smlouva")
    expect(page.locator(".deadline__due").first).to_contain_text("5. 12. 2026")

    page.get_by_role("link", name="Vytisknout můj seznam").first.click()
    expect(page).to_have_url(re.compile(r"/zmena-trvaleho-pobytu/tisk/\?pruvodce=1&odkud=jina-obec"))
    expect(page.get_by_role("button", name="Vytisknout")).to_be_visible()  # shown only because JavaScript runs
    expect(page.locator(".sheet__qr svg")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".sheet__actions")).to_be_hidden()
    expect(page.locator(".sheet .checkbox-print").first).to_be_visible()
    expect(page.locator(".sheet")).to_contain_text("Přihlaste psa u nového úřadu")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and 1 <= pdf_pages(pdf) <= 2
    screenshot("citizen-prints-personal-moving-checklist")


GUIDED = ["bydleni/zmena-trvaleho-pobytu", "rodina/narozeni-ditete", "rodina/umrti-blizke-osoby",
          "podnikani/zalozeni-zivnosti", "podnikani/provozovna", "doklady/obcansky-prukaz"]


def test_every_guided_checklist_prints_on_at_most_two_sheets_even_unanswered(page, live_site):
    for path in GUIDED:
        page.goto(f"{live_site}/{path}/tisk/")
        page.emulate_media(media="print")
        pages = pdf_pages(page.pdf(format="A4"))
        assert 1 <= pages <= 2, f"{path} prints on {pages} sheets"


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


def test_business_owner_browses_the_catalog_with_two_filters(page, live_site, screenshot):
    page.goto(live_site + "/sluzby/")
    total_before = int(page.locator("#results-heading").inner_text().split()[0])
    page.locator("input[name=audience][value=businesses]").check()
    page.locator("input[name=channel][value=data_box]").check()
    page.get_by_role("button", name="Použít filtry").click()
    expect(page).to_have_url(re.compile(r"audience=businesses.*channel=data_box"))
    expect(page.locator("input[name=audience][value=businesses]")).to_be_checked()
    expect(page.locator("input[name=channel][value=data_box]")).to_be_checked()
    total_after = int(page.locator("#results-heading").inner_text().split()[0])
    assert 0 < total_after < total_before
    expect(page.locator(".service-list__item").first).to_contain_text("Datovou schránkou")
    page.locator(".service-list__item a").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot("business-owner-filters-catalog")


def test_unknown_page_shows_the_sites_404(page, live_site):
    response = page.goto(live_site + "/tohle-neexistuje/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuto stránku jsme nenašli")


def test_citizen_searches_with_a_typo_and_finds_the_situation(page, live_site, screenshot):
    page.goto(live_site + "/")
    box = page.get_by_role("combobox", name="Co potřebujete vyřídit?")  # a searchbox until the script enhances it
    box.type("ridicak", delay=30)
    expect(page.locator("#q-suggestions li").first).to_be_visible()  # autocomplete, progressively
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/hledat/\?q=ridicak"))
    first = page.locator(".search-results__item a").first
    # Results link through the counting redirect /hledat/otevrit/ (search analytics), which leads to the page.
    expect(first).to_have_attribute("href", re.compile(r"^/hledat/otevrit/\?q=ridicak&r=\d+&p=1$"))
    expect(first).to_have_text(re.compile(r"^Řidičský průkaz"))
    page.goto(live_site + "/hledat/?q=obcnaka")
    expect(page.locator(".did-you-mean a")).to_be_visible()
    page.locator(".search-results__item a").first.click()
    expect(page).to_have_url(re.compile(r"/doklady/obcansky-prukaz/$"))
    screenshot("citizen-finds-id-card-despite-typo")
