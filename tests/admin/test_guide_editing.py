"""Editors write the guide in the admin: questions on their own tab, conditions checked against them on save."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_cs):
    user = get_user_model().objects.create_superuser("guide-editor", "guide@example.cz", "heslo-pro-test")
    client_cs.force_login(user)
    return client_cs


def form_data(html):
    """What a browser would send for the page edit form as it stands."""
    form = BeautifulSoup(html, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [option.get("value", option.text) for option in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def edit(editor, page, change):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(editor.get(url).content.decode())
    change(data)
    return editor.post(url, data)


def step_index(data, title):
    return next(key.split("-")[1] for key, value in data.items()
                if key.startswith("steps-") and key.endswith("-title") and value == title)


def test_guide_tab_shows_questions_with_their_keys_and_options(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Průvodce" in html and "Otázky průvodce" in html
    data = form_data(html)
    keys = [value for key, value in data.items() if key.startswith("questions-") and key.endswith("-key")]
    assert "odkud" in keys
    assert any("jina-obec |" in value for key, value in data.items() if key.endswith("-options"))


def test_condition_naming_an_unknown_option_is_refused_with_a_message(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    revision_count = page.revisions.count()

    def break_condition(data):
        data[f"steps-{step_index(data, 'Přihlaste psa u nového úřadu')}-condition"] = "mam = kocka"

    response = edit(editor, page, break_condition)
    assert response.status_code == 200  # the form comes back with the error
    assert "Otázka „mam“ nemá volbu „kocka“." in response.content.decode()
    assert page.revisions.count() == revision_count


def test_duplicate_question_keys_and_single_options_are_refused(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")

    def duplicate(data):
        data["questions-1-key"] = data["questions-0-key"]
        data["questions-2-options"] = "jen-jedna | Jediná volba"

    html = edit(editor, page, duplicate).content.decode()
    assert "už má jiná otázka této situace" in html
    assert "aspoň dvě volby" in html


def test_valid_condition_is_saved_and_changes_the_public_checklist(editor, client_cs):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    title = "Dejte vědět zdravotní pojišťovně, bance a dalším"

    def condition_step(data):
        data[f"steps-{step_index(data, title)}-condition"] = "odkud = jina-obec, zahranici"
        data["action-publish"] = "action-publish"

    response = edit(editor, page, condition_step)
    assert response.status_code == 302
    assert czech(SituationPage).get(pk=page.pk).steps.get(title=title).condition == "odkud = jina-obec, zahranici"
    html = client_cs.get(page.url, {"pruvodce": "1", "odkud": "v-obvodu"}).content.decode()
    assert title not in html


@pytest.mark.parametrize("condition, message", [
    ("odkud != v-obvodu, jina-obec, zahranici", "Vyloučili jste všechny volby otázky „Odkud se stěhujete?“"),
    ("odkud = jina-obec; odkud = zahranici", "Podmínky u otázky „Odkud se stěhujete?“ si odporují"),
    ("mam = pes; mam != pes", "Podmínky u otázky „Co se vás ještě týká?“ si odporují"),
])
def test_a_condition_nobody_can_meet_is_refused(editor, condition, message):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")

    def impossible(data):
        data[f"steps-{step_index(data, 'Přihlaste psa u nového úřadu')}-condition"] = condition

    response = edit(editor, page, impossible)
    assert response.status_code == 200 and message in response.content.decode()


def test_a_condition_may_use_a_question_added_in_the_same_edit(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")

    def add_question_and_use_it(data):
        index = int(data["questions-TOTAL_FORMS"])
        data["questions-TOTAL_FORMS"] = str(index + 1)
        data.update({f"questions-{index}-key": "deti", f"questions-{index}-text": "Stěhují se s vámi děti?",
                     f"questions-{index}-options": "ano | Ano\nne | Ne", f"questions-{index}-ORDER": str(index + 1),
                     f"questions-{index}-id": "", f"questions-{index}-DELETE": ""})
        data[f"steps-{step_index(data, 'Přihlaste psa u nového úřadu')}-condition"] = "deti = ano"

    assert edit(editor, page, add_question_and_use_it).status_code == 302


def test_the_condition_field_is_a_builder_over_the_text(editor):
    page = czech(SituationPage).get(slug="zmena-trvaleho-pobytu")
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    builder = soup.select_one("[data-condition-builder] input[name=steps-0-condition]")
    assert builder is not None
    assert "js/admin/condition-builder.js" in html


def fee_index(data, label):
    return next(key.split("-")[1] for key, value in data.items()
                if key.startswith("fees-") and key.endswith("-label") and value == label)


def test_a_fee_condition_names_questions_the_situations_using_the_service_ask(editor):
    from services.models import ServicePage

    service = czech(ServicePage).get(slug="poplatek-ze-psu-ohlaseni")

    def unknown_option(data):
        data[f"fees-{fee_index(data, 'Jeden pes v bytovém domě')}-condition"] = "dum = panelak"

    html = edit(editor, service, unknown_option).content.decode()
    assert "Otázka „dum“ nemá volbu „panelak“ v žádné situaci, která službu používá." in html

    def unknown_question(data):
        data[f"fees-{fee_index(data, 'Jeden pes v bytovém domě')}-condition"] = "kocka = ano"

    html = edit(editor, service, unknown_question).content.decode()
    assert "Na otázku „kocka“ se neptá žádná situace, která službu používá." in html
    assert service.fees.get(label="Jeden pes v bytovém domě").condition == "dum = byt; sazba = bezna"

    def known(data):
        data[f"fees-{fee_index(data, 'Jeden pes v bytovém domě')}-condition"] = "dum = byt; psu = jeden"

    response = edit(editor, service, known)
    assert response.status_code == 302
