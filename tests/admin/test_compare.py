"""The revision compare shows the approver only what the editor changed.

An editor opens a page of the demo catalog, changes one field and saves a draft, exactly as the browser sends the
form; the compare of the live version with that draft then lists that field and nothing else: no step "moved",
no rich text or list of services marked changed because it went through the editor untouched.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from services.models import CounterPage, ServicePage
from situations.models import SituationPage
from tests.admin.test_guide_editing import form_data
from tests.czech import czech

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_cs):
    user = get_user_model().objects.create_superuser("compare-editor", "compare@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


def save_draft(editor, page, change):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(editor.get(url).content.decode())
    change(data)
    response = editor.post(url, data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")


def compared(editor, page):
    """The compare of the live version with the latest draft: (field label, its changes as text) for each row."""
    latest = page.revisions.order_by("-created_at", "-id").first()
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", latest.pk])
    html = BeautifulSoup(editor.get(url).content, "html.parser")
    return [(row.select_one("td.title").get_text(strip=True).rstrip(":"), row.select_one("td.comparison"))
            for row in html.select("table.listing tbody tr") if row.select_one("td.title")]


def changed_labels(rows):
    return [label for label, _cell in rows]


def test_changing_a_situations_summary_shows_only_the_summary(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    save_draft(editor, page, lambda data: data.update(summary=data["summary"] + " Nově i s harmonogramem."))
    rows = compared(editor, page)
    assert changed_labels(rows) == ["Shrnutí"]
    assert "Nově i s harmonogramem." in rows[0][1].select_one(".addition").get_text()


def test_changing_one_steps_title_shows_that_step_and_nothing_moved(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")

    def retitle(data):
        data["steps-1-title"] = "Ohlaste změnu na kterékoli ohlašovně"

    save_draft(editor, page, retitle)
    rows = compared(editor, page)
    assert changed_labels(rows) == ["Postup krok za krokem"]
    cell = rows[0][1]
    assert "Moved" not in cell.get_text() and "Přesun" not in cell.get_text()
    assert "False" not in cell.get_text() and "Ne" in cell.get_text()  # a tick box reads Ano or Ne
    assert [tag.get_text().strip() for tag in cell.select(".addition")] == ["kterékoli"]


def test_putting_a_steps_services_in_another_order_shows_the_new_order(editor):
    page = czech(SituationPage).get(slug="czech-point")
    step = next(row for row in page.steps.all() if len(row.chosen_services) > 2)
    first, second = step.chosen_services[:2]

    def swap_first_two(data):
        index = next(key.split("-")[1] for key, value in data.items()
                     if key.startswith("steps-") and key.endswith("-title") and value == step.title)
        prefix = f"steps-{index}-service_uses"
        data[f"{prefix}-0-ORDER"], data[f"{prefix}-1-ORDER"] = "2", "1"

    save_draft(editor, page, swap_first_two)
    rows = compared(editor, page)
    assert changed_labels(rows) == ["Postup krok za krokem"]
    changed = rows[0][1].select(".comparison__child-object")
    assert len(changed) == len(page.steps.all())  # Wagtail lists every step; one of them shows a change
    moved = [block for block in changed if block.select(".addition, .deletion")]
    assert len(moved) == 1
    assert "Služby" in moved[0].get_text()
    assert first.title in moved[0].get_text() and second.title in moved[0].get_text()


@pytest.mark.parametrize("model, slug, field, value", [
    (ServicePage, "vydani-cestovniho-pasu", "processing_time", "Do 30 dnů, rychlé vydání do 6 pracovních dnů."),
    (CounterPage, "matrika", "room", "přízemí, dveře 12"),
])
def test_changing_one_field_of_a_service_or_counter_shows_only_it(editor, model, slug, field, value):
    page = czech(model).get(slug=slug)
    save_draft(editor, page, lambda data: data.update({field: value}))
    assert changed_labels(compared(editor, page)) == [str(model._meta.get_field(field).verbose_name).capitalize()]
