"""What a visitor pays in eight answered situations, worked out by hand from the law, never from the code.

Sources (as in force on 4 December 2026):
- zákon č. 634/2004 Sb., o správních poplatcích, sazebník: položka 2 (ohlášení trvalého pobytu 50 Kč), položka 8
  (náhrada za ztracený občanský průkaz 200 Kč), cestovní pasy (dítě do 15 let 100 Kč), položka 11 (sňatek mimo
  určené místo nebo dobu 3 000 Kč; jen jeden snoubenec s trvalým pobytem v ČR 3 000 Kč), položka 24 (ohlášení
  živnosti při vstupu do podnikání 1 000 Kč, více živností či koncesí najednou jednou);
- obecně závazná vyhláška hl. m. Prahy č. 23/2003 Sb. HMP, o místním poplatku ze psů: jeden pes v bytovém domě
  1 500 Kč ročně, v rodinném domě 600 Kč, držitel starší 65 let nebo důchodce 200 Kč;
- zákon č. 117/1995 Sb., o státní sociální podpoře: porodné na první dítě 13 000 Kč, rodičovský příspěvek
  350 000 Kč celkem (dávky, nikdy v součtu poplatků);
- zákon č. 258/2000 Sb., § 23 odst. 5 (oznámení stravovací služby) a zákon č. 455/1991 Sb., § 17 (oznámení
  provozovny): bez poplatku.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from situations.composition import compose_situation
from situations.guide import Answers
from situations.models import SituationPage
from situations.plan import plan_from_query
from tests.czech import czech

pytestmark = pytest.mark.django_db


def checklist(slug, **chosen):
    answers = Answers(chosen={key.replace("_", "-"): frozenset(value.split(","))
                              for key, value in chosen.items()}, submitted=True)
    return compose_situation(czech(SituationPage).get(slug=slug), answers)


def sums(total):
    return {row.period: row.amount for row in total.sums}


def paid(total):
    return {period: amount for period, amount in sums(total).items() if amount}


def amounts(rows):
    return [row.fee.amount for row in rows]


def test_moving_with_one_dog_pays_50_czk_once_and_the_yearly_dog_fee_by_tariff():
    moving = checklist("zmena-trvaleho-pobytu", odkud="jina-obec", mam="pes")
    assert paid(moving.fees) == {"once": Decimal(50)}
    [dog] = moving.fees.choices
    assert dog.service.slug == "poplatek-ze-psu-ohlaseni"
    assert [(row.fee.period, row.fee.amount) for row in dog.rows] == [
        ("yearly", Decimal(1500)), ("yearly", Decimal(600)), ("yearly", Decimal(200))]
    assert Decimal(2250) not in amounts(dog.rows)  # the second dog's rate is no tariff of a first dog


def test_moving_with_one_dog_and_the_dog_fee_answered_in_a_plan():
    query = QueryDict("situace=zmena-trvaleho-pobytu&zmena-trvaleho-pobytu-pruvodce=1"
                      "&zmena-trvaleho-pobytu-odkud=jina-obec&zmena-trvaleho-pobytu-mam=pes"
                      "&situace=poplatek-ze-psu&poplatek-ze-psu-pruvodce=1&poplatek-ze-psu-co=novy"
                      "&poplatek-ze-psu-psu=jeden&poplatek-ze-psu-dum=byt&poplatek-ze-psu-sazba=bezna")
    pages = {page.slug: page for page in SituationPage.objects.live().prefetch_related("questions")}
    plan = plan_from_query(query, pages)
    assert paid(plan.fees) == {"once": Decimal(50), "yearly": Decimal(1500)} and not plan.fees.choices


@pytest.mark.parametrize("rate, yearly, per_further_dog, claims", [
    ("bezna", Decimal(1500), Decimal(2250), False), ("snizena", Decimal(200), Decimal(300), True)])
def test_two_dogs_in_a_block_of_flats_pay_the_first_dogs_rate_yearly_and_the_further_dogs_rate_per_dog(
        rate, yearly, per_further_dog, claims):
    dogs = checklist("poplatek-ze-psu", co="novy", psu="vice", dum="byt", sazba=rate)
    assert paid(dogs.fees) == {"yearly": yearly} and not dogs.fees.choices
    assert amounts(dogs.fees.per_item) == [per_further_dog]
    assert ("Uplatněte osvobození nebo nižší sazbu" in [step.title for step in dogs.steps]) == claims


def test_an_exempt_dog_holder_pays_nothing_and_is_told_to_claim_the_exemption():
    # zákon č. 565/1990 Sb., § 2 odst. 2: a blind holder, a holder of a ZTP/P card or one dependent on another
    # person's help pays no dog fee, for any of their dogs.
    exempt = checklist("poplatek-ze-psu", co="novy", psu="vice", dum="byt", sazba="osvobozeni")
    assert exempt.fees.free and not exempt.fees.per_item
    assert "Uplatněte osvobození nebo nižší sazbu" in [step.title for step in exempt.steps]


def test_before_any_answer_the_dog_fee_is_a_tariff_for_everyone_not_a_fee_for_some():
    unanswered = checklist("poplatek-ze-psu")
    assert not unanswered.fees.free and not unanswered.optional_services
    [rates] = unanswered.fees.choices
    assert amounts(rates.rows) == [Decimal(1500), Decimal(600), Decimal(200)]


def test_moving_with_a_car_needs_no_new_registration():
    moving = checklist("zmena-trvaleho-pobytu", odkud="v-obvodu", mam="auto")
    assert paid(moving.fees) == {"once": Decimal(50)} and not moving.fees.choices
    listed = amounts(moving.fee_rows)
    assert Decimal(800) not in listed and Decimal(5000) not in listed


def test_a_lost_identity_card_costs_200_czk():
    lost = checklist("ztrata-dokladu", duvod="ztrata", doklady="op")
    assert paid(lost.fees) == {"once": Decimal(200)} and not lost.fees.choices
    assert lost.steps[0].title.startswith("Ohlaste ztrátu")


def test_a_stolen_wallet_blocks_the_cards_and_reports_the_theft_first():
    stolen = checklist("ztrata-dokladu", duvod="kradez", doklady="karty,op")
    assert [step.title for step in stolen.steps[:2]] == [
        "Hned zablokujte platební karty a telefon", "Krádež hned oznamte policii"]
    assert paid(stolen.fees) == {"once": Decimal(200)}


def test_a_passport_for_a_child_costs_100_czk():
    passport = checklist("cestovni-pas", pro_koho="dite")
    assert paid(passport.fees) == {"once": Decimal(100)} and not passport.fees.choices


def test_a_first_trade_licence_costs_1000_czk_and_never_the_500_czk_of_a_later_one():
    trade = checklist("zalozeni-zivnosti", podnikam="ne", druh="remeslna")
    assert paid(trade.fees) == {"once": Decimal(1000)} and not trade.fees.choices
    assert Decimal(500) not in amounts(trade.fee_rows)
    assert {row.document.slug for row in trade.documents_to_bring} >= {
        "doklad-o-odborne-zpusobilosti", "prohlaseni-odpovedneho-zastupce"}


def test_a_cafe_with_spirits_opened_by_a_newcomer_costs_1000_czk_once():
    cafe = checklist("provozovna", ukon="otevreni", prostory="ano", cinnost="jidlo", podnikam="ne",
                     alkohol="lihoviny", predzahradka="ne", reklama="ne")
    assert paid(cafe.fees) == {"once": Decimal(1000)} and not cafe.fees.choices and not cafe.fees.per_item
    services = {service.slug for service in cafe.services}
    assert {"oznameni-stravovaci-sluzby", "koncese-prodej-lihovin", "oznameni-provozovny"} <= services
    hygiene = next(step for step in cafe.steps if "hygienické stanici" in step.title)
    assert [counter.slug for counter in hygiene.counters] == ["hygienicka-stanice"]


def test_a_cafe_with_outdoor_seating_pays_the_permit_by_its_length_and_the_local_fee_per_square_metre_and_day():
    cafe = checklist("provozovna", ukon="otevreni", prostory="ano", cinnost="jidlo", podnikam="ano",
                     alkohol="pivo-vino", predzahradka="ano", reklama="ne")
    assert paid(cafe.fees) == {}
    [permit] = cafe.fees.choices
    assert amounts(permit.rows) == [Decimal(100), Decimal(500), Decimal(1000)]
    assert amounts(cafe.fees.per_item) == [Decimal(10)]


def test_a_birth_costs_nothing_and_the_benefits_are_listed_apart():
    birth = checklist("narozeni-ditete", poradi="prvni", porodne="ano", matka="vdana")
    assert birth.fees.free and paid(birth.fees) == {}
    assert [(row.fee.period, row.fee.amount, row.service.provider) for row in birth.fees.benefits] == [
        ("once", Decimal(13000), "Úřad práce ČR"), ("total", Decimal(350000), "Úřad práce ČR")]


def test_a_wedding_in_the_town_hall_is_free_and_elsewhere_with_one_foreign_partner_costs_6000_czk():
    hall = checklist("uzavreni-manzelstvi", misto="obradni-sin", pobyt="oba")
    assert hall.fees.free and not hall.fees.choices
    garden = checklist("uzavreni-manzelstvi", misto="jinde", pobyt="jeden")
    assert paid(garden.fees) == {"once": Decimal(6000)}


def test_the_page_speaks_to_the_visitor_once_answered(client_cs):
    response = client_cs.get("/bydleni/zmena-trvaleho-pobytu/?pruvodce=1&odkud=jina-obec&mam=pes")
    fees = BeautifulSoup(response.content.decode(), "html.parser").select_one("#poplatky").parent
    text = " ".join(fees.get_text(" ").split())
    assert "Co zaplatíte vy" in text and "čekají každého" not in text
    assert fees.select_one("tfoot td").get_text(" ", strip=True) == "jednorázově 50\xa0Kč"
    assert "1 500 Kč ročně" in text and "600 Kč ročně" in text  # the text's spaces, no-break ones too, made plain
    general = BeautifulSoup(client_cs.get("/bydleni/zmena-trvaleho-pobytu/").content.decode(), "html.parser")
    assert "Celkem za kroky, které čekají každého" in general.select_one("#poplatky").parent.get_text(" ")
