"""The main journey with the keyboard alone: skip link, landmarks, and a visible focus at every stop."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# What the focused element looks like: the outline (or a focus shadow) a sighted keyboard user follows.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {html: element.outerHTML.slice(0, 160),
            outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
            shadow: style.boxShadow !== "none", width: box.width, height: box.height};
}"""


def press_tab_until(page, target, limit=120):
    """Tab forward until `target` has the focus, checking that every element passed on the way shows it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["outline"] or focused["shadow"], f"focus is invisible on {focused}"
        assert focused["width"] > 0 and focused["height"] > 0, f"focus went to a hidden element: {focused}"
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} was not reached with {limit} presses of Tab")


def choose_radio(page, label):
    """Tab into a radio group and move to the option with the arrow keys, as a keyboard user does."""
    wanted = page.get_by_label(label, exact=True)
    group = wanted.get_attribute("name")
    press_tab_until(page, page.locator(f"input[name='{group}']:checked, input[name='{group}']").first)
    for _ in range(10):
        if wanted.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the option {label!r} could not be chosen with the arrow keys")


def test_home_page_offers_a_skip_link_first_and_has_landmarks(page, live_site):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Přeskočit na obsah")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the skip link must come into view when focused"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#obsah$"))
    expect(page.locator("main#obsah")).to_be_focused()

    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)
    assert page.get_by_role("navigation").count() >= 1
    expect(page.get_by_role("search").first).to_be_attached()


def test_citizen_searches_answers_and_prints_with_the_keyboard_alone(page, live_site, screenshot):
    page.goto(live_site + "/")
    press_tab_until(page, page.locator("input[name='q']").first)
    page.keyboard.type("stěhování")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/hledat/\?q="))

    press_tab_until(page, page.locator("main a", has_text="Změna trvalého pobytu").first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stěhování")

    choose_radio(page, "Z jiné obce nebo městské části")
    choose_radio(page, "Ne, mám nájemní smlouvu")
    press_tab_until(page, page.get_by_role("button", name="Ukázat můj seznam"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"odkud=jina-obec.*bydleni=najem"))
    expect(page.get_by_role("heading", name="Domluvte se s vlastníkem bytu")).to_have_count(0)

    press_tab_until(page, page.get_by_role("link", name="Vytisknout můj seznam").first)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zmena-trvaleho-pobytu/tisk/\?.*odkud=jina-obec"))
    press_tab_until(page, page.get_by_role("button", name="Vytisknout"))
    screenshot("citizen-keyboard-only-journey")
