"""The plan keeps what it holds: adding adds, "Můj plán" opens the current plan, all without a cookie; without
JavaScript the plan page still grows the plan from its own form. What cannot wait comes first."""

import re

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.e2e

BIRTH, WALLET, MOVING = "Narození dítěte", "Ztráta nebo odcizení dokladů", "Stěhování – změna trvalého pobytu"


def add_to_plan(page, url):
    page.goto(url)
    page.locator(".situation__quick").get_by_role("link", name="Přidat do plánu").click()
    expect(page).to_have_url(re.compile(r"/plan/\?"))


def situations_in_plan(page):
    return page.locator(".plan__situation h3")


def test_adding_adds_and_my_plan_opens_the_current_plan(page, live_site, screenshot):
    add_to_plan(page, f"{live_site}/rodina/narozeni-ditete/")
    expect(situations_in_plan(page)).to_have_text([BIRTH])
    add_to_plan(page, f"{live_site}/doklady/ztrata-dokladu/")
    expect(situations_in_plan(page)).to_have_text([BIRTH, WALLET])
    first_visit = page.locator(".visit").first
    expect(first_visit).to_contain_text("Nejdřív, hned")
    expect(first_visit).to_contain_text("Hned zablokujte platební karty a telefon")
    screenshot("plan-birth-and-lost-wallet")

    page.goto(f"{live_site}/")
    page.get_by_role("navigation", name="Hlavní navigace").get_by_role("link", name="Můj plán").click()
    expect(situations_in_plan(page)).to_have_text([BIRTH, WALLET])

    # Adding a situation again with other answers changes its answers, not the plan's length.
    page.goto(f"{live_site}/bydleni/zmena-trvaleho-pobytu/")
    page.get_by_label("Z jiné obce nebo městské části").check()
    page.get_by_role("button", name="Ukázat můj seznam").click()
    page.locator(".situation__quick").get_by_role("link", name="Přidat do plánu").click()
    expect(situations_in_plan(page)).to_have_text([BIRTH, WALLET, MOVING])
    expect(page).to_have_url(re.compile(r"zmena-trvaleho-pobytu-odkud=jina-obec"))
    page.goto(f"{live_site}/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=zahranici")
    page.locator(".situation__quick").get_by_role("link", name="Přidat do plánu").click()
    expect(situations_in_plan(page)).to_have_text([BIRTH, WALLET, MOVING])
    expect(page).to_have_url(re.compile(r"zmena-trvaleho-pobytu-odkud=zahranici"))
    assert "odkud=jina-obec" not in page.url

    # Removing is remembered too.
    page.locator(".plan__situation", has_text=BIRTH).get_by_role("link", name=re.compile("^Odebrat z plánu")).click()
    expect(situations_in_plan(page)).to_have_text([WALLET, MOVING])
    page.goto(f"{live_site}/sluzby/")
    page.get_by_role("navigation", name="Hlavní navigace").get_by_role("link", name="Můj plán").click()
    expect(situations_in_plan(page)).to_have_text([WALLET, MOVING])
    assert page.context.cookies() == []


def test_without_javascript_the_plan_page_grows_the_plan(browser, live_site):
    context = browser.new_context(java_script_enabled=False, locale="cs-CZ")
    page = context.new_page()
    try:
        add_to_plan(page, f"{live_site}/rodina/narozeni-ditete/")
        expect(situations_in_plan(page)).to_have_text([BIRTH])
        page.get_by_label("Přidat situaci").select_option(label=WALLET)
        page.get_by_role("button", name="Upravit plán").click()
        expect(situations_in_plan(page)).to_have_text([BIRTH, WALLET])
        expect(page.locator(".visit").first).to_contain_text("Hned zablokujte platební karty a telefon")
        assert context.cookies() == []
    finally:
        context.close()
