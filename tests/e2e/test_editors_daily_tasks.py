"""The five things a department's editor does every week, in the admin as they do them, without typing syntax.

Signed in as the demo editor of odbor občanskosprávní (and, to approve, its approver), each task saves a
screenshot under var/screenshots/: change a fee; change a counter's hours and add a holiday closure; add a step
with a service and a condition; add a document the office fetches from a register; submit, approve and see the
change on the public page. The pages they change (the copy certification, the Czech POINT counter, the passport
situation) are ones the other browser tests do not read; only the last task publishes.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_editorial_workflow import sign_in, sign_out

pytestmark = pytest.mark.e2e
EDITOR, APPROVER = "editor-obcanskospravni", "schvalovatel-obcanskospravni"
PASSPORT = "/doklady/cestovni-pas/"
NEW_STEP = "Vyzvedněte si pas osobně i s dítětem"
SERVICE = "Vydání cestovního pasu"


def open_editor(page, live_site, title):
    """The editor finds a page in the admin's search and opens it, as the existing workflow test does."""
    page.goto(live_site + "/admin/pages/search/?q=" + title)
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def save_draft(page, title):
    page.locator("button.action-save").first.click()
    expect(page.locator(".messages")).to_contain_text(title)


def add_inline(page, prefix):
    """Press the inline panel's add button and return the new form's prefix, e.g. "exceptions-3"."""
    page.locator(f"#id_{prefix}-ADD").click()
    index = int(page.locator(f"#id_{prefix}-TOTAL_FORMS").input_value()) - 1
    return f"{prefix}-{index}"


def test_1_an_editor_changes_a_fee(page, live_site, screenshot):
    sign_in(page, live_site, EDITOR)
    open_editor(page, live_site, "Ověření shody kopie s listinou (vidimace)")
    page.get_by_role("tab", name="Poplatky a předpisy").click()
    amount = page.locator("#id_fees-0-amount")
    expect(amount).to_have_value(re.compile(r"^30"))
    amount.fill("40")
    page.locator("#id_fees-0-how_to_pay").fill("Hotově nebo kartou u přepážky.")
    screenshot("editor-task-1-fee")
    save_draft(page, "Ověření shody kopie")


def close_pickers(page, tab):
    """Wagtail's date and time pickers close on Escape or a click elsewhere. The one a filled time or date field
    opened may stay open (on a loaded machine it may open only after the fill) and cover the save button: click
    the open tab's label, away from the fields, until none shows."""
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    for _attempt in range(3):
        page.keyboard.press("Escape")
        page.get_by_role("tab", name=tab).click()
        try:
            expect(pickers).to_have_count(0, timeout=2000)
            return
        except AssertionError:
            continue
    expect(pickers).to_have_count(0)


def test_2_an_editor_changes_a_counters_hours_and_adds_a_holiday_closure(page, live_site, screenshot):
    sign_in(page, live_site, EDITOR)
    open_editor(page, live_site, "Czech POINT na radnici")
    page.get_by_role("tab", name="Úřední hodiny").click()
    page.locator("#id_opening_hours-0-closes").fill("12:30")
    closure = add_inline(page, "exceptions")
    page.locator(f"#id_{closure}-date").fill("2026-12-28")
    close_pickers(page, "Úřední hodiny")
    expect(page.locator(f"#id_{closure}-closed")).to_be_checked()
    page.locator(f"#id_{closure}-note").fill("Vánoční úklid serverovny")
    screenshot("editor-task-2-counter-hours")
    save_draft(page, "Czech POINT na radnici")


def add_step_with_service_and_condition(page, screenshot=None):
    """On the situation's „Kroky a doklady“ tab: a new step, its service chosen by searching, and a condition
    built from the guide's question „pro koho“ by ticking an option."""
    page.get_by_role("tab", name="Kroky a doklady").click()
    step = add_inline(page, "steps")
    page.locator(f"#id_{step}-title").fill(NEW_STEP)
    page.locator(f"#id_{step}-service_uses-OPEN_MODAL").click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=q]").fill("cestovni pas")
    row = modal.locator("tr", has_text=SERVICE)
    expect(row).to_contain_text("Odbor občanskosprávní")
    row.locator("input[type=checkbox]").check()
    if screenshot:
        screenshot("editor-task-3-service-chooser")
    modal.locator("[data-multiple-choice-submit]").click()
    expect(page.locator(f"#id_{step}-service_uses-0-service-chooser")).to_contain_text(SERVICE)
    builder = page.locator(f"#id_{step}-condition").locator("xpath=..")
    builder.get_by_role("button", name="Přidat podmínku").click()
    question = builder.locator("select.condition-builder__question")
    question.select_option(index=1)
    builder.locator(".condition-builder__options input[type=checkbox]").last.check()
    expect(builder.locator(".condition-builder__sentence")).to_contain_text("Jen pokud návštěvník u otázky")
    expect(builder.locator(".condition-builder__problems li")).to_have_count(0)
    assert re.fullmatch(r"[\w-]+ = [\w-]+", page.locator(f"#id_{step}-condition").input_value())
    builder.evaluate("element => element.scrollIntoView({block: 'center'})")
    return step


def test_3_an_editor_adds_a_step_with_a_service_and_a_condition(page, live_site, screenshot):
    sign_in(page, live_site, EDITOR)
    open_editor(page, live_site, "Cestovní pas pro dospělé i děti")
    add_step_with_service_and_condition(page, screenshot)
    screenshot("editor-task-3-step-service-condition")
    save_draft(page, "Cestovní pas")


def test_4_an_editor_adds_a_document_the_office_fetches_from_a_register(page, live_site, screenshot):
    sign_in(page, live_site, EDITOR)
    page.goto(live_site + "/admin/snippets/services/requireddocument/add/")
    page.locator("#id_name").fill("Výpis ze základního registru obyvatel")
    page.locator("#id_slug").fill("vypis-z-registru-obyvatel")
    page.locator("#id_description").fill("Údaje o vás, které úřad vidí v registru obyvatel.")
    page.locator("#id_fetched_by_office").check()
    screenshot("editor-task-4-document")
    page.locator("button[type=submit]").filter(has_text="Uložit").first.click()
    expect(page.locator(".messages")).to_contain_text("Výpis ze základního registru obyvatel")


def test_5_an_editor_submits_the_approver_approves_and_citizens_see_it(page, live_site, screenshot):
    sign_in(page, live_site, EDITOR)
    open_editor(page, live_site, "Cestovní pas pro dospělé i děti")
    titles = page.locator("input[id^=id_steps-][id$=-title]")
    if NEW_STEP not in [titles.nth(index).input_value() for index in range(titles.count())]:
        add_step_with_service_and_condition(page)  # the task is run on its own
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("Cestovní pas")
    sign_out(page)

    sign_in(page, live_site, APPROVER)
    row = page.locator("#awaiting-review-section tr", has_text="Cestovní pas")
    row.get_by_role("button", name="Akce").click()
    row.get_by_role("button", name="Schválit", exact=True).click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)

    page.goto(live_site + PASSPORT)
    step = page.locator(".steps__item", has_text=NEW_STEP).first
    expect(step).to_be_visible()
    expect(step).to_contain_text(SERVICE)
    expect(step).to_contain_text("Pro koho")  # the condition, spelled out while the guide is unanswered
    screenshot("editor-task-5-published")
