"""A situation page becomes a personal checklist: only what applies, in order, with its totals."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import SituationPage
from tests.czech import czech

pytestmark = pytest.mark.django_db

MOVING = "/bydleni/zmena-trvaleho-pobytu/"
# Moving within the district into one's own flat, no car, no dog, in person.
SIMPLE_MOVE = {"pruvodce": "1", "odkud": "v-obvodu", "bydleni": "vlastnik", "podani": "osobne"}
# Moving in from another town into a rented flat with a dog, sending someone with a power of attorney.
DOG_MOVE = {"pruvodce": "1", "odkud": "jina-obec", "bydleni": "najem", "mam": "pes", "podani": "zmocnenec"}


def answers(**chosen):
    return Answers(chosen={key: frozenset(value) for key, value in chosen.items()}, submitted=True)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def moving():
    return czech(SituationPage).get(slug="zmena-trvaleho-pobytu")


def test_without_answers_every_step_shows_with_its_condition_spelled_out():
    page = moving()
    situation = compose_situation(page)
    conditions = [row.condition for row in page.steps.all()]
    assert len(situation.steps) == len(conditions)
    assert any(conditions), "the moving situation has conditional steps"
    for step, condition in zip(situation.steps, conditions):
        assert step.verdict.conditional == bool(condition)
        assert bool(step.verdict.condition) == bool(condition)  # e.g. "Co se vás ještě týká? mám psa"
    assert not situation.personal and situation.hidden_steps == 0


def test_answers_leave_out_what_does_not_apply_and_keep_the_order():
    page = moving()
    everything = [step.title for step in compose_situation(page).steps]
    situation = compose_situation(page, answers(odkud={"v-obvodu"}, bydleni={"vlastnik"}, mam=set(),
                                                podani={"osobne"}))
    titles = [step.title for step in situation.steps]
    assert titles == [title for title in everything if title in titles]  # same order
    assert titles == ["Ohlaste změnu na ohlašovně v místě nového bydliště",
                      "Dejte vědět zdravotní pojišťovně, bance a dalším"]
    assert situation.hidden_steps == len(everything) - 2
    assert all(not step.verdict.conditional for step in situation.steps)
    assert [row.document.slug for row in situation.documents_to_bring] == ["doklad-totoznosti"]
    assert [row.document.slug for row in situation.documents_fetched] == ["vypis-z-katastru-nemovitosti"]


def test_totals_count_the_services_of_the_steps_that_apply():
    page = moving()
    simple = compose_situation(page, answers(odkud={"v-obvodu"}, bydleni={"vlastnik"}, mam=set(), podani={"osobne"}))
    with_dog = compose_situation(page, answers(odkud={"jina-obec"}, bydleni={"najem"}, mam={"pes"},
                                               podani={"zmocnenec"}))
    # Zákon č. 634/2004 Sb., sazebník, položka 2: 50 Kč for announcing a new permanent address.
    assert [(row.period, row.amount) for row in simple.fees.sums] == [("once", Decimal(50))]
    assert not simple.fees.choices and not simple.fees.per_item
    dog_fee = next(service for service in with_dog.services if service.slug == "poplatek-ze-psu-ohlaseni")
    assert dog_fee.pk not in with_dog.optional_services
    # The yearly dog fee is never added to the one-off fee: the moving page does not ask where the dog lives or
    # whether its holder is a pensioner, so it says which yearly tariff is for whom.
    assert [(row.period, row.amount) for row in with_dog.fees.sums] == [("once", Decimal(50))]
    [choice] = with_dog.fees.choices
    assert [(row.fee.period, row.fee.amount) for row in choice.rows] == [
        ("yearly", Decimal(1500)), ("yearly", Decimal(600)), ("yearly", Decimal(200))]
    assert {row.document.slug for row in with_dog.documents_to_bring} >= {"najemni-smlouva", "plna-moc"}
    assert any(deadline.days == 15 for deadline in with_dog.deadlines)
    assert not any(deadline.days == 15 for deadline in simple.deadlines)


def test_unanswered_conditions_count_as_optional_in_the_total():
    situation = compose_situation(moving())
    dog_fee = next(service for service in situation.services if service.slug == "poplatek-ze-psu-ohlaseni")
    assert dog_fee.pk in situation.optional_services
    assert [(row.period, row.amount) for row in situation.fees.sums] == [("once", Decimal(50))]
    assert not situation.fees.choices and situation.fees.more_possible


def test_deadlines_are_dated_from_the_visitors_date():
    import datetime

    day = datetime.date(2026, 11, 20)
    with_dog = answers(odkud={"jina-obec"}, mam={"pes"})
    with_dog.date = day
    situation = compose_situation(moving(), with_dog)
    dog = next(deadline for deadline in situation.deadlines if deadline.days == 15)
    assert dog.due_date == datetime.date(2026, 12, 5)


def test_page_asks_first_in_a_plain_get_form(client_cs):
    html = soup(client_cs.get(MOVING))
    form = html.select_one("#pruvodce ~ form.guide, .guide-section form.guide")
    assert form["method"] == "get"
    assert form.select("input[type=radio][name=odkud]")
    assert form.select("input[type=checkbox][name=mam]")
    assert form.select_one("input[type=hidden][name=pruvodce]")["value"] == "1"
    assert html.select(".steps .condition"), "unanswered conditions are spelled out"


def test_page_with_answers_is_the_personal_checklist(client_cs):
    html = soup(client_cs.get(MOVING, SIMPLE_MOVE))
    steps = [item.select_one(".steps__title").get_text(" ", strip=True) for item in html.select(".steps__item")]
    assert steps == ["Ohlaste změnu na ohlašovně v místě nového bydliště",
                     "Dejte vědět zdravotní pojišťovně, bance a dalším"]
    assert not html.select(".steps .condition")
    summary = html.select_one(".summary").get_text(" ", strip=True)
    assert "Kroky 2" in summary and "Doklady s sebou 1" in summary and "50\xa0Kč" in summary
    assert html.select_one("input[name=odkud][value=v-obvodu]").has_attr("checked")
    print_link = html.select_one(".take-along a[href*='tisk/']")["href"]
    assert print_link == MOVING + "tisk/?pruvodce=1&odkud=v-obvodu&bydleni=vlastnik&podani=osobne"


@pytest.mark.parametrize("query", [
    {"odkud": "mars"},
    {"odkud": "\x00"},
    {"odkud": "x" * 5000},
    {"mam": ["pes", "slon"], "pruvodce": "ano"},
    {"datum": "včera"},
    {"neznamy": "1", "pruvodce": "1"},
])
def test_bad_answers_are_ignored_with_a_notice(client_cs, query):
    html = soup(client_cs.get(MOVING, query))
    assert html.select(".notice")
    assert len(html.select(".steps__item")) >= 2


def test_broken_unicode_in_the_query_string_is_not_an_error(client_cs):
    response = client_cs.get(MOVING + "?odkud=%ff%fe&mam=%c3")
    assert response.status_code == 200


def test_print_sheet_has_tick_boxes_answers_qr_and_no_prose(client_cs):
    html = soup(client_cs.get(MOVING + "tisk/", DOG_MOVE))
    sheet = html.select_one(".sheet")
    text = sheet.get_text(" ", strip=True)
    assert "Odkud se stěhujete? Z jiné obce nebo městské části" in text
    steps = sheet.select(".sheet__checks--numbered > li")
    documents = sheet.select("#print-documents ~ ul > li")
    assert len(steps) == len(compose_situation(moving(), answers(
        odkud={"jina-obec"}, bydleni={"najem"}, mam={"pes"}, podani={"zmocnenec"})).steps)
    assert all(item.select_one(".checkbox-print") for item in [*steps, *documents])
    assert "Plná moc" in text and "Nájemní smlouva" in text
    assert sheet.select_one(".sheet__qr svg")
    assert "Vyřídili jsme" not in text and not sheet.select(".faq")
    assert "http://localhost" + MOVING + "?pruvodce=1&odkud=jina-obec" in sheet.select_one(".sheet__footer").text


def test_every_demo_guide_situation_has_questions_and_conditions():
    for slug in ["zmena-trvaleho-pobytu", "narozeni-ditete", "umrti-blizke-osoby", "zalozeni-zivnosti",
                 "obcansky-prukaz", "provozovna"]:
        page = czech(SituationPage).get(slug=slug)
        assert len(page.guide_questions) >= 2, slug
        conditions = [row.condition for row in [*page.steps.all(), *page.documents.all()] if row.condition]
        assert conditions, slug
        keys = {question.key for question in page.guide_questions}
        assert {condition.split("=")[0].strip(" !") for condition in conditions} <= keys, slug


def test_an_unreadable_date_is_not_echoed_back_into_the_form(client_cs):
    html = soup(client_cs.get(MOVING, {"pruvodce": "1", "datum": "2026-11-20\x00<b>"}))
    assert html.select_one("input[name=datum]")["value"] == ""
    assert html.select(".notice")
    html = soup(client_cs.get(MOVING, {"pruvodce": "1", "datum": "2026-11-20"}))
    assert html.select_one("input[name=datum]")["value"] == "2026-11-20"
