"""A clerk at the front desk, with the keyboard only: sign in, search, open the moving situation, answer the
visitor's questions, print the sheet. At 1280×720 the desk's situation view needs no scrolling."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
SCREEN = {"width": 1280, "height": 720}
MOVING = "/bydleni/zmena-trvaleho-pobytu/"
MAX_KEYS = 80  # more Tab presses than this means focus is lost somewhere


def focused(page):
    return page.evaluate("""() => {
        const element = document.activeElement;
        return {tag: element.tagName.toLowerCase(), type: element.type || "", name: element.name || "",
                id: element.id, href: element.getAttribute("href") || "",
                guideSubmit: element.matches(".desk-guide button[type=submit]"),
                printLink: element.matches(".desk-take__print")};
    }""")


def tab_until(page, wanted):
    for _ in range(MAX_KEYS):
        if wanted(focused(page)):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the element; focus stayed on {focused(page)}")


def page_height(page):
    return page.evaluate("document.scrollingElement.scrollHeight")


def test_clerk_guides_a_moving_visitor_with_the_keyboard_only(page, live_site, clerk_login, screenshot):
    page.set_viewport_size(SCREEN)
    username, password = clerk_login

    # Anonymous: the desk sends the clerk to its own login page, in Czech, and back.
    page.goto(live_site + "/prepazka/")
    expect(page).to_have_url(re.compile(r"/prepazka/prihlasit/\?next=/prepazka/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Přihlášení na přepážku")
    tab_until(page, lambda element: element["name"] == "username")
    page.keyboard.type(username)
    tab_until(page, lambda element: element["name"] == "password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site + "/prepazka/")

    # The search box has the focus; "/" as the header says keeps it there without typing itself; results come
    # while typing; arrow keys walk them; Enter opens one.
    expect(page.locator("#desk-q")).to_be_focused()
    page.keyboard.press("/")
    expect(page.locator("#desk-q")).to_be_focused()
    expect(page.locator("#desk-q")).to_have_value("")
    assert page_height(page) <= SCREEN["height"]
    page.keyboard.type("přehlášení", delay=40)
    wanted = "/prepazka/situace/zmena-trvaleho-pobytu/"
    expect(page.locator("#desk-results")).to_have_attribute("data-query", "přehlášení")  # the last key's results
    expect(page.locator(f"#desk-results a[href='{wanted}']")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?q=p%C5%99ehl"))  # the address follows, so Back returns here
    for _ in range(MAX_KEYS):
        page.keyboard.press("ArrowDown")
        if focused(page)["href"] == wanted:
            break
    assert focused(page)["href"] == wanted
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site + wanted)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stěhování")
    assert page_height(page) <= SCREEN["height"]

    # The visitor's answers: the second option of every question, the first box of every group of boxes.
    questions = page.locator(".desk-guide input[type=radio], .desk-guide input[type=checkbox]")
    answered = set()
    if questions.count():
        expect(questions.first).to_be_focused()  # the desk starts at the first question
        for _ in range(MAX_KEYS):
            element = focused(page)
            if element["guideSubmit"]:
                break
            if element["type"] == "radio" and element["name"] not in answered:
                page.keyboard.press("ArrowDown")  # moves to the next option and chooses it
                answered.add(element["name"])
            elif element["type"] == "checkbox" and element["name"] not in answered:
                page.keyboard.press("Space")
                answered.add(element["name"])
            page.keyboard.press("Tab")
        assert focused(page)["guideSubmit"] and answered
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"\?pruvodce=1&"))
        for name in answered:
            assert f"{name}=" in page.url
        expect(page.locator(".summary")).to_contain_text("Váš seznam")
    else:
        tab_until(page, lambda element: element["printLink"])

    # Answered, the desk offers printing first; the page still fits the screen.
    expect(page.locator(".desk-take__print")).to_be_focused()
    expect(page.locator(".desk-take__qr svg")).to_be_visible()
    # Today's counters: the situation's first, the rest folded away until asked for.
    expect(page.locator(".desk-today .desk-counter--situation").first).to_be_visible()
    expect(page.locator(".desk-today details .desk-counter").first).to_be_hidden()
    assert page_height(page) <= SCREEN["height"]
    screenshot("clerk-front-desk-moving-situation")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(f"{live_site}/prepazka/situace/zmena-trvaleho-pobytu/tisk/")))
    for name in answered:
        assert f"{name}=" in page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stěhování")
    screenshot("clerk-front-desk-print-sheet")

    # "/" brings the clerk back to searching from anywhere on the desk.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/prepazka/situace/"))
    expect(page.locator(".desk-guide")).to_be_visible()
    page.keyboard.press("/")
    expect(page.locator("#desk-q")).to_be_focused()


def test_a_service_found_at_the_desk_opens_inside_it(page, live_site, clerk_login):
    page.set_viewport_size(SCREEN)
    username, password = clerk_login
    page.goto(live_site + "/prepazka/prihlasit/?next=/prepazka/")
    page.get_by_label("Uživatelské jméno").fill(username)
    page.get_by_label("Heslo").fill(password)
    page.get_by_role("button", name="Přihlásit se").click()
    expect(page.locator("#desk-q")).to_be_focused()
    page.keyboard.type("cestovní pas", delay=30)
    expect(page.locator("#desk-results")).to_have_attribute("data-query", "cestovní pas")
    page.locator("#desk-services").locator("..").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/prepazka/sluzba/"))
    expect(page.locator(".desk-header")).to_be_visible()
    expect(page.get_by_role("heading", name="Co s sebou")).to_be_visible()
    assert page_height(page) <= SCREEN["height"]
    # Typing "/" inside a query types it ("133/2000"); the key only jumps when nothing is typed yet.
    page.keyboard.press("/")
    expect(page.locator("#desk-q")).to_be_focused()
    page.keyboard.type("133")
    page.keyboard.press("/")
    expect(page.locator("#desk-q")).to_have_value("133/")
